using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lianxin.Bench;

/// <summary>
/// <c>--scenario ledger</c> (PostgreSQL): many clients at once earn and redeem in one community's X贤银行 through the module's
/// own use cases, in this process (each operation in a DI scope and DbContext of its own, as a request would be), against the
/// app's connection pool. The same workload runs first with a few clients (the baseline) and then with many; the report gives
/// throughput and p95 of the many as ratios against the few, and the ledger check must hold afterwards (balances equal their
/// entries, sum to zero, none negative, no stock below zero). A client's operation is one of:
/// earn (confirmed hours delivered as the event handler gets them; one in ten delivered twice), or redeem (a hold at a till;
/// one in six sent twice with the same request id, as a retrying till would), then confirm (three in four, confirmed twice
/// now and then) or void. Refusals (not enough points, no stock left) are answers, counted apart from errors.
/// </summary>
public static class LedgerBench
{
    enum Result { Ok, Refused, Error }

    sealed record Shop(Guid Owner, IReadOnlyList<RoleGrant> Grants, Guid Plenty, Guid Scarce);

    sealed record Phase(int Clients, long Operations, double Seconds, double Throughput, double P50, double P95, double P99,
        long Ok, long Refused, long Errors, string? FirstError, double CpuMsPerOperation);

    public static async Task<int> RunAsync(BenchApp app, BenchDatabase database, Guid tenant, BenchOptions o, string resultsDir, CancellationToken ct)
    {
        Console.WriteLine($"==> ledger: setting up {o.Depositors:N0} depositors and {o.Shops} shops");
        var (community, depositors, shops) = await SetUpAsync(app, tenant, o, ct);
        var duration = TimeSpan.FromSeconds(o.Seconds);
        if (o.Warmup > 0) await PhaseAsync(app, tenant, community, depositors, shops, o.BaselineClients, TimeSpan.FromSeconds(o.Warmup), null, ct);
        // As the HTTP scenarios do (--settle): more warm-up, 5 s at a time, until the JIT has stopped recompiling the hot paths.
        for (var settled = 0.0; settled < o.Settle && !ct.IsCancellationRequested; settled += 5)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await PhaseAsync(app, tenant, community, depositors, shops, o.BaselineClients, TimeSpan.FromSeconds(5), null, ct);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine($"    settling: the JIT compiled {compiled} methods in 5 s");
            if (compiled < 50) break;
        }
        // Rounds of the app's phase, then its own statements recorded and replayed, so both sides of each ratio ran in the
        // same minutes; the ratio is taken round by round and summarised as median and range (issue 15's harness rules).
        var fewRounds = await RoundsAsync(app, database, tenant, community, depositors, shops, o.BaselineClients, duration, o.Rounds, "baseline", ct);
        var manyRounds = await RoundsAsync(app, database, tenant, community, depositors, shops, o.Clients, duration, o.Rounds, "load", ct);
        var (few, many) = (fewRounds[0].App, manyRounds[0].App);
        var (since, until) = (manyRounds[0].Since, manyRounds[0].Until);

        // The raw SQL baseline: the transfer rows the load phase committed, written again by as many clients on a pool of the
        // same size, one transaction per transfer with the guarded balance updates, into copies of the two tables.
        var rows = await RawTransfers.ReadAsync(database, tenant, since, until, ct);
        var appTransfers = rows.Rows.Count / many.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the load phase committed {rows.Rows.Count:N0} transfers: {appTransfers:N1} transfers/s"));
        var raw = await RawTransfers.RunAsync(database, rows, o.Clients, duration, ct);
        var locked = await RawTransfers.RunAsync(database, rows, o.Clients, duration, ct, auditLockTenant: tenant);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    raw SQL + audit lock  {locked.Throughput,8:N1} transfers/s  p50 {locked.P50,8:0.0} ms  p95 {locked.P95,8:0.0} ms  ({locked.Operations:N0} of {rows.Rows.Count:N0}, errors {locked.Errors:N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    raw SQL  {o.Clients,5} clients  {raw.Throughput,8:N1} transfers/s  p50 {raw.P50,8:0.0} ms  p95 {raw.P95,8:0.0} ms  p99 {raw.P99,8:0.0} ms  ({raw.Operations:N0} of {rows.Rows.Count:N0}, errors {raw.Errors:N0}){(raw.FirstError is { } re ? $"  ⚠ {re}" : "")}"));

        LedgerCheck check;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            check = (await CheckLedger.HandleAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(), ct)).Value!;
        }
        var once = await IdempotencyAsync(database, tenant, ct);
        var throughput = many.Throughput / few.Throughput;
        var p95 = few.P95 == 0 ? double.NaN : many.P95 / few.P95;
        var report = new StringBuilder()
            .AppendLine($"# ledger bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, PostgreSQL")
            .AppendLine()
            .AppendLine($"{o.Depositors:N0} depositors, {o.Shops} shops in one community; {o.Seconds} s per phase.")
            .AppendLine()
            .AppendLine("| phase | clients | operations | ops/s | p50 ms | p95 ms | p99 ms | ok | refused | errors |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(Row("baseline", few)).AppendLine(Row("load", many))
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"**load/baseline: throughput {throughput:0.00}×, p95 {p95:0.00}×**"))
            .AppendLine()
            .AppendLine($"The same statements (issue 15's \"same\" baseline), {o.Rounds} round(s) per client count: in each, the app's phase (unrecorded); then a copy of the database; the workload again with as many clients, every round trip each client's operations make recorded with its values (EF's commands as EF made them, the audit's batches, transactions' starts and ends, pooled opens and closes); then those steps sent again by as many clients, each its own operations in order, into the copy; nothing between the statements. app/same is the round's unrecorded app phase against its replay:")
            .AppendLine()
            .AppendLine("| phase | round | clients | app ops/s | app ops/s while recorded | operations replayed | round trips per operation | same statements ops/s | p95 ms | refused | bench process CPU ms/op, app | same statements | **app/same** |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendJoin("", fewRounds.Select((r, i) => SameRow("baseline", i + 1, r) + "\n"))
            .AppendJoin("", manyRounds.Select((r, i) => SameRow("load", i + 1, r) + "\n"))
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"**app/same, median (min–max) over the rounds: {o.BaselineClients} clients {SameSpread(fewRounds)}×; {o.Clients} clients {SameSpread(manyRounds)}×**"))
            .AppendLine()
            .AppendLine("Transfers against a raw SQL insert of the same rows (the load phase's committed transfers, written again by as many clients on a pool of the same size, one transaction per transfer: INSERT, then the guarded balance UPDATEs in account id order, into copies of pb_transfers and pb_accounts with their indexes):")
            .AppendLine()
            .AppendLine("| side | clients | transfers | transfers/s | p50 ms | p95 ms | p99 ms | errors |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| app (load phase; latency per operation) | {many.Clients} | {rows.Rows.Count:N0} | {appTransfers:N1} | {many.P50:0.0} | {many.P95:0.0} | {many.P99:0.0} | {many.Errors:N0} |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| raw SQL (latency per transfer) | {raw.Clients} | {raw.Operations:N0} | {raw.Throughput:N1} | {raw.P50:0.0} | {raw.P95:0.0} | {raw.P99:0.0} | {raw.Errors:N0} |"))
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"| raw SQL + the tenant's audit-chain lock (ADR 0004) | {locked.Clients} | {locked.Operations:N0} | {locked.Throughput:N1} | {locked.P50:0.0} | {locked.P95:0.0} | {locked.P99:0.0} | {locked.Errors:N0} |"))
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"**app/raw transfers/s: {(raw.Throughput > 0 ? appTransfers / raw.Throughput : double.NaN):0.00}×; app/(raw + audit lock): {(locked.Throughput > 0 ? appTransfers / locked.Throughput : double.NaN):0.00}×**"))
            .AppendLine()
            .AppendLine($"Ledger check after the run: {(check.Holds ? "holds" : "FAILS")} — {check.Accounts:N0} accounts, {check.Transfers:N0} transfers, " +
                        $"balances sum to {check.BalanceSum}, depositors hold {check.Outstanding:N0} points.")
            .AppendLine(string.Concat(check.Problems.Take(20).Select(p => $"- {p}\n")))
            .AppendLine($"Each idempotency id applied once: {once.Summary}")
            .ToString();
        Console.WriteLine();
        Console.Write(report);
        var file = Path.Combine(resultsDir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-ledger-postgres.md");
        await File.WriteAllTextAsync(file, report, ct);
        Console.WriteLine($"==> written {file}");
        return check.Holds && check.BalanceSum == 0 && once.Holds ? 0 : 1;
    }

    /// <summary>
    /// Every confirmed-hours event credited at most once (its attendance id names one transfer), every till request held at
    /// most once (its hold key, one transfer; its id, one redemption), across the whole run including the re-delivered
    /// events and the retried scans.
    /// </summary>
    static async Task<(bool Holds, string Summary)> IdempotencyAsync(BenchDatabase database, Guid tenant, CancellationToken ct)
    {
        await using var conn = database.Open();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = BaselineRunner.Command(conn, new Lianxin.Bench.Scenarios.Sql(sql, ("@t", tenant)));
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
        }
        var hours = await Scalar("""SELECT COUNT(*) FROM pb_transfers WHERE "TenantId" = @t AND "CauseType" = 'hours'""");
        var hoursTwice = await Scalar("""SELECT COUNT(*) FROM (SELECT "CauseId" FROM pb_transfers WHERE "TenantId" = @t AND "CauseType" = 'hours' GROUP BY "CauseId" HAVING COUNT(*) > 1) x""");
        var holds = await Scalar("""SELECT COUNT(*) FROM pb_transfers WHERE "TenantId" = @t AND "Key" LIKE 'hold:%'""");
        var redemptions = await Scalar("""SELECT COUNT(*) FROM pb_redemptions WHERE "TenantId" = @t""");
        var holdsTwice = await Scalar("""SELECT COUNT(*) FROM (SELECT "CauseId" FROM pb_transfers WHERE "TenantId" = @t AND "Key" LIKE 'hold:%' GROUP BY "CauseId" HAVING COUNT(*) > 1) x""");
        var oneHoldEach = holds == redemptions;
        var ok = hoursTwice == 0 && holdsTwice == 0 && oneHoldEach;
        return (ok, $"{(ok ? "holds" : "FAILS")} — {hours:N0} hours credits, {hoursTwice} attendance ids credited more than once; " +
                    $"{redemptions:N0} redemptions and {holds:N0} holds ({(oneHoldEach ? "one each" : "NOT one each")}), {holdsTwice} redemptions held more than once.");
    }

    static async Task<(BankCommunity Community, Guid[] Depositors, Shop[] Shops)> SetUpAsync(BenchApp app, Guid tenant, BenchOptions o, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(tenant);
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var unit = await db.OrgUnits.Where(u => u.Kind == OrgKind.Community).OrderBy(u => u.Path).FirstAsync(ct);
        var community = new BankCommunity(unit.Id, unit.Path, unit.ShortName);
        var run = Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow;

        // People straight into the tables (no password: they never sign in), each with a role at the community.
        AppUser Person(string name) => new() { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, TenantId = tenant, CreatedAt = now };
        var depositors = Enumerable.Range(0, o.Depositors).Select(i => Person($"bench-{run}-d{i}")).ToList();
        var owners = Enumerable.Range(0, o.Shops).Select(i => Person($"bench-{run}-m{i}")).ToList();
        db.Users.AddRange(depositors.Concat(owners));
        db.RoleGrants.AddRange(depositors.Select(u => Grant(u, Role.Resident)).Concat(owners.Select(u => Grant(u, Role.Merchant))));
        await db.SaveChangesAsync(ct);
        RoleGrant Grant(AppUser u, Role role) => new() { TenantId = tenant, UserId = u.Id, Role = role, OrgUnitId = unit.Id, OrgPath = unit.Path, GrantedAt = now };

        // The shops through the use cases: apply (as the owner), approved (as the system), a catalogue of a plentiful and a scarce item.
        var clock = TimeProvider.System;
        var shops = new List<Shop>();
        foreach (var owner in owners)
        {
            var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == owner.Id).ToListAsync(ct);
            var applied = await AsAsync(app, tenant, owner.Id, grants, (s, d) => ApplyAsMerchant.HandleAsync(d, s.GetRequiredService<OrgDirectory>(), clock,
                new MerchantApplication { Name = owner.UserName!, Address = "和平路 1 号", ContactName = "店主", Phone = "13800000000" }, ct));
            var approved = await AsAsync(app, tenant, null, [], (_, d) => DecideMerchant.HandleAsync(d, clock, Ok(applied).Id, new DecideMerchantRequest(true, null, Ok(applied).Version), ct));
            Ok(approved);
            var plenty = await AsAsync(app, tenant, owner.Id, grants, (_, d) => AddCatalogueItem.HandleAsync(d, clock, new CatalogueItemInput { Name = "洗衣液", Points = 10, Stock = 100_000 }, ct));
            var scarce = await AsAsync(app, tenant, owner.Id, grants, (_, d) => AddCatalogueItem.HandleAsync(d, clock, new CatalogueItemInput { Name = "限量米", Points = 25, Stock = 40 }, ct));
            shops.Add(new Shop(owner.Id, grants, Ok(plenty).Id, Ok(scarce).Id));
        }
        // Everyone starts with some points, earned as the hours event would credit them.
        foreach (var d in depositors) await EarnAsync(app, tenant, community, d.Id, Guid.CreateVersion7(), 600, ct);
        return (community, depositors.Select(d => d.Id).ToArray(), shops.ToArray());
    }

    /// <summary>One round: the app's phase, then the same workload recorded and its statements replayed into a copy.</summary>
    sealed record Round(Phase App, DateTime Since, DateTime Until, Phase Recorded, StatementReplay.Result Same)
    {
        public double AppOverSame => App.Throughput / Same.Throughput;
    }

    static async Task<List<Round>> RoundsAsync(BenchApp app, BenchDatabase database, Guid tenant, BankCommunity community, Guid[] depositors, Shop[] shops,
        int clients, TimeSpan duration, int rounds, string name, CancellationToken ct)
    {
        var done = new List<Round>();
        for (var i = 1; i <= rounds && !ct.IsCancellationRequested; i++)
        {
            var since = DateTime.UtcNow;
            var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
            var phase = await PhaseAsync(app, tenant, community, depositors, shops, clients, duration, null, ct);
            var until = DateTime.UtcNow;
            Print($"{name} {i}", phase);
            Console.WriteLine($"      (the JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jit} methods during it)");
            var (recorded, same) = await SameStatementsAsync(app, database, tenant, community, depositors, shops, clients, duration, ct);
            done.Add(new Round(phase, since, until, recorded, same));
            PrintSame($"{name} {i}", done[^1]);
        }
        return done;
    }

    /// <summary>
    /// The "same statements" baseline of a phase: a copy of the database as it is now; the same workload with as many clients,
    /// each client's steps recorded (a phase of its own, not the one measured: recording costs the app a little); then those
    /// steps sent again by as many clients into the copy.
    /// </summary>
    static async Task<(Phase Recorded, StatementReplay.Result Same)> SameStatementsAsync(BenchApp app, BenchDatabase database, Guid tenant,
        BankCommunity community, Guid[] depositors, Shop[] shops, int clients, TimeSpan duration, CancellationToken ct)
    {
        var copy = await database.CopyAsync("same", ct);
        try
        {
            var steps = Enumerable.Range(0, clients).Select(_ => new List<List<Step>>()).ToArray();
            var recorded = await PhaseAsync(app, tenant, community, depositors, shops, clients, duration, steps, ct);
            // The app's own connection string (statements prepared as the app prepares them, the same pool size), on the copy.
            var target = new NpgsqlConnectionStringBuilder(PostgresConnection.Tuned(database.ConnectionString)) { Database = copy }.ConnectionString;
            return (recorded, await StatementReplay.RunAsync(target, steps, ct));
        }
        finally
        {
            await database.DropCopyAsync(copy);
        }
    }

    /// <summary>A phase of the workload; with <paramref name="steps"/>, each client's completed operations are recorded there, in order.</summary>
    static async Task<Phase> PhaseAsync(BenchApp app, Guid tenant, BankCommunity community, Guid[] depositors, Shop[] shops, int clients, TimeSpan duration,
        List<List<Step>>[]? steps, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(duration);
        var latencies = new ConcurrentBag<long>();
        long ok = 0, refused = 0, errors = 0;
        string? firstError = null;
        var codes = app.Services.GetRequiredService<DepositorCode>();
        var options = app.Services.GetRequiredService<PointsBankOptions>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // All clients start at once: a gate holds them until the last is ready.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 7919 + clients);
            await gate.Task;
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                var recorded = steps is null ? null : StatementCapture.Start();
                Result result;
                try
                {
                    var depositor = depositors[random.Next(depositors.Length)];
                    result = random.Next(10) < 4
                        ? await EarnOnceAsync(app, tenant, community, depositor, random, stop.Token)
                        : await RedeemOnceAsync(app, tenant, codes, options, shops[random.Next(shops.Length)], depositor, random, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { StatementCapture.Stop(); break; }
                catch (Exception ex)
                {
                    result = Result.Error;
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
                latencies.Add(Stopwatch.GetTimestamp() - start);
                StatementCapture.Stop();
                if (recorded is not null) steps![c].Add(recorded);
                switch (result)
                {
                    case Result.Ok: Interlocked.Increment(ref ok); break;
                    case Result.Refused: Interlocked.Increment(ref refused); break;
                    default: Interlocked.Increment(ref errors); break;
                }
            }
        }, CancellationToken.None)).ToArray();
        gate.SetResult();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var (p50, p95, p99) = Runner.Percentiles(latencies);
        return new Phase(clients, latencies.Count, seconds, latencies.Count / seconds, p50, p95, p99, ok, refused, errors, firstError,
            cpuMs / Math.Max(1, latencies.Count));
    }

    static async Task<Result> EarnOnceAsync(BenchApp app, Guid tenant, BankCommunity community, Guid depositor, Random random, CancellationToken ct)
    {
        var attendance = Guid.CreateVersion7();
        await EarnAsync(app, tenant, community, depositor, attendance, 30 + random.Next(90), ct);
        // A re-delivered event: the same attendance credits nothing more.
        if (random.Next(10) == 0) await EarnAsync(app, tenant, community, depositor, attendance, 60, ct);
        return Result.Ok;
    }

    /// <summary>Confirmed hours as the event dispatcher delivers them: the handler in a transaction of its own, as the tenant's system.</summary>
    static async Task EarnAsync(BenchApp app, Guid tenant, BankCommunity community, Guid depositor, Guid attendance, int minutes, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AsSystem(tenant);
        var db = sp.GetRequiredService<LianxinDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var handler = new CreditVolunteerHours(db, sp.GetRequiredService<OrgDirectory>(), TimeProvider.System, sp.GetRequiredService<PointsBankOptions>());
        try
        {
            await handler.HandleAsync(new VolunteerHoursConfirmed(attendance, Guid.Empty, "平安巡逻", "Patrol", community.Path, depositor, "储户", minutes,
                DateOnly.FromDateTime(DateTime.UtcNow)), ct);
        }
        catch (DbUpdateException ex) when (Ledger.IsUniqueViolation(ex))
        {
            return; // the same delivery raced itself: the first one credited it (the dispatcher's inbox row does the same)
        }
        await tx.CommitAsync(ct);
    }

    static async Task<Result> RedeemOnceAsync(BenchApp app, Guid tenant, DepositorCode codes, PointsBankOptions options, Shop shop, Guid depositor, Random random,
        CancellationToken ct)
    {
        var request = new RedeemRequest
        {
            RequestId = Guid.CreateVersion7(), Code = codes.Issue(depositor).Code, ItemId = random.Next(8) == 0 ? shop.Scarce : shop.Plenty, Quantity = 1 + random.Next(2),
        };
        var held = await AsAsync(app, tenant, shop.Owner, shop.Grants, (s, d) => RedeemAtTill.HandleAsync(d, codes, TimeProvider.System, options, request, ct));
        if (random.Next(6) == 0)
        {
            // The till did not hear the answer and sends the scan again: the same hold, never a second one.
            var again = await AsAsync(app, tenant, shop.Owner, shop.Grants, (s, d) => RedeemAtTill.HandleAsync(d, codes, TimeProvider.System, options, request, ct));
            if (held.IsOk != again.IsOk || (held.IsOk && again.Value!.Id != held.Value!.Id)) throw new InvalidOperationException("a retried scan answered differently");
        }
        if (!held.IsOk) return held.Kind == OutcomeKind.Conflict ? Result.Refused : throw new InvalidOperationException(held.Message ?? held.Kind.ToString());
        var confirm = random.Next(4) != 0;
        for (var times = confirm && random.Next(8) == 0 ? 2 : 1; times > 0; times--)
        {
            var closed = await AsAsync(app, tenant, shop.Owner, shop.Grants, (_, d) => confirm
                ? ConfirmRedemption.HandleAsync(d, TimeProvider.System, request.RequestId, ct)
                : VoidRedemption.HandleAsync(d, TimeProvider.System, request.RequestId, ct));
            if (!closed.IsOk) throw new InvalidOperationException(closed.Message ?? closed.Kind.ToString());
        }
        return Result.Ok;
    }

    /// <summary>A use case in a scope of its own as a signed-in person (their grants, as the middleware loads them) or, with no user, as the tenant's system.</summary>
    static async Task<T> AsAsync<T>(BenchApp app, Guid tenant, Guid? user, IReadOnlyList<RoleGrant> grants, Func<IServiceProvider, LianxinDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var who = sp.GetRequiredService<OrgScope>().AsSystem(tenant);
        if (user is { } id) who.SetUser(id, "bench", tenant, grants, null);
        return await work(sp, sp.GetRequiredService<LianxinDb>());
    }

    static T Ok<T>(Outcome<T> o) => o.IsOk ? o.Value! : throw new InvalidOperationException($"ledger bench set-up: {o.Message ?? string.Join("; ", o.Errors?.SelectMany(e => e.Value) ?? [])}");

    static void Print(string name, Phase p) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"    {name,-8} {p.Clients,5} clients  {p.Throughput,8:N1} ops/s  p50 {p.P50,8:0.0} ms  p95 {p.P95,8:0.0} ms  p99 {p.P99,8:0.0} ms  ok {p.Ok:N0} refused {p.Refused:N0} errors {p.Errors:N0}{(p.FirstError is { } e ? $"  ⚠ {e}" : "")}"));

    static void PrintSame(string name, Round r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"    same statements ({name}) {r.Same.Clients,5} clients  {r.Same.Throughput,8:N1} ops/s  p95 {r.Same.P95,8:0.0} ms  ({r.Same.Operations:N0} operations recorded at {r.Recorded.Throughput:N1} ops/s, {r.Same.RoundTrips:N0} round trips, {r.Same.Refused:N0} refused){(r.Same.FirstRefusal is { } e ? $"  ⚠ {e}" : "")}  app/same {r.AppOverSame:0.00}×; this process's CPU per operation: app {r.App.CpuMsPerOperation:0.00} ms, same statements {r.Same.CpuMsPerOperation:0.00} ms"));

    static string SameRow(string name, int round, Round r) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {round} | {r.Same.Clients} | {r.App.Throughput:N1} | {r.Recorded.Throughput:N1} | {r.Same.Operations:N0} | {(double)r.Same.RoundTrips / Math.Max(1, r.Same.Operations):0.0} | {r.Same.Throughput:N1} | {r.Same.P95:0.0} | {r.Same.Refused:N0} | {r.App.CpuMsPerOperation:0.00} | {r.Same.CpuMsPerOperation:0.00} | **{r.AppOverSame:0.00}×** |");

    static Spread SameSpread(List<Round> rounds) => Spread.Of(rounds.Select(r => r.AppOverSame));

    static string Row(string name, Phase p) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {p.Clients} | {p.Operations:N0} | {p.Throughput:N1} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Ok:N0} | {p.Refused:N0} | {p.Errors:N0} |");
}
