using System.Diagnostics;
using System.Globalization;

using Lianxin.Bench.Scenarios;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Bench;

/// <summary>The entry point (not top-level statements: a class named Program would hide the app's own Program from WebApplicationFactory).</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        BenchOptions o;
        try
        {
            o = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        if (o.Help) { Console.WriteLine(BenchOptions.Usage); return 0; }
        if (o.List)
        {
            foreach (var s in ScenarioCatalog.All) Console.WriteLine($"{s.Name,-12} {s.Description}");
            Console.WriteLine($"{"ledger",-12} PostgreSQL: --clients earn and redeem in one X贤银行 against a --baseline-clients run of the same workload; the ledger check must hold");
            return 0;
        }
        var ledger = string.Equals(o.Scenario, "ledger", StringComparison.OrdinalIgnoreCase);
        if (ledger && o.Provider != Provider.Postgres) { Console.Error.WriteLine("the ledger scenario runs on PostgreSQL (bench/with-postgres.sh)"); return 2; }
        // Before Npgsql's first connection: the ledger records the app's statements to replay them as its "same" baseline.
        if (ledger) StatementCapture.Install();
        Scenario scenario = null!;
        if (!ledger)
        {
            try { scenario = ScenarioCatalog.Find(o.Scenario); }
            catch (ArgumentException ex) { Console.Error.WriteLine(ex.Message); return 2; }
        }

        // Workers, the app's requests and synchronous SQLite calls share the pool: no waiting for thread injection.
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        var threads = 2 * (ledger ? Math.Min(o.Clients, 256) : o.Concurrency) + 8;
        ThreadPool.SetMinThreads(Math.Max(minWorkers, threads), Math.Max(minIo, threads));

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var ct = cancel.Token;

        var results = Path.Combine(RepoRoot(), "bench", "results");
        Directory.CreateDirectory(results);
        var started = DateTime.UtcNow;
        var size = o.Size;

        // 1-2. Generate and load.
        var database = new BenchDatabase(o, results);
        Console.WriteLine($"==> size {o.SizeName}: {size.Streets} streets, {size.Streets * size.CommunitiesPerStreet:N0} communities, " +
                          $"{size.Streets * size.CommunitiesPerStreet * size.GridsPerCommunity:N0} grids; {database.Describe}");
        var load = await database.PrepareAsync(ct);
        Console.WriteLine($"==> {Report.LoadLine(load)}");
        if (o.LoadOnly) return 0;

        // 3. The bench user, made through the app's own services in this process (the ledger scenario runs here too); the
        // HTTP scenarios then talk to the app in a process of its own.
        Console.WriteLine("==> setting up the bench user");
        var sw = Stopwatch.StartNew();
        Guid tenant;
        IReadOnlyList<string> jobNames;
        await using (var setup = new BenchApp(database, results))
        {
            setup.Start();
            tenant = await setup.EnsureUserAsync(o.Role, database.Marker);
            jobNames = setup.Services.GetServices<JobRegistration>().Select(j => j.Name).ToList();
            using (var scope = setup.Services.CreateScope())
            {
                // The loaded rows must read back through EF exactly as the app sees them (id and enum formats).
                scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
                var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
                var units = await db.OrgUnits.CountAsync(ct);
                var households = await db.Households.CountAsync(ct);
                Console.WriteLine($"==> in {sw.Elapsed.TotalSeconds:0.0} s; the app sees {units:N0} units and {households:N0} households");
                if (units == 0) { Console.Error.WriteLine("the app sees no loaded units: the loader's formats do not match the model"); return 1; }
            }
            if (ledger) return await LedgerBench.RunAsync(setup, database, tenant, o, results, ct);
        }
        sw.Restart();
        await using var app = await AppProcess.StartAsync(database, RepoRoot(), results, ct);
        Console.WriteLine($"==> app process {app.Id} at {app.BaseUrl} in {sw.Elapsed.TotalSeconds:0.0} s (its output: {app.LogFile})");
        using var api = await BenchApp.ApiClientAsync(app.BaseUrl, o.Concurrency);

        // 4. The scenario's operations, each measured over HTTP and as its raw SQL baselines, in alternating rounds.
        IReadOnlyList<Operation> operations;
        await using (var conn = database.Open())
            operations = await scenario.PrepareAsync(new ScenarioContext(database, conn, tenant, o, api) { JobNames = jobNames }, ct);
        if (o.Operations is { } only)
            operations = operations.Where(op => only.Contains(op.Name, StringComparer.OrdinalIgnoreCase)).ToList();

        HttpClient? pages = null;
        if (operations.Any(op => op.Caller == Caller.Page))
        {
            try
            {
                pages = await BenchApp.PageClientAsync(app.BaseUrl, o.Concurrency);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
            {
                // The API operations still say something; the pages are left out, loudly.
                Console.WriteLine($"⚠ cookie sign-in failed ({ex.Message}); skipping the page operations");
                operations = operations.Where(op => op.Caller != Caller.Page).ToList();
            }
        }

        var measured = new List<OperationResult>();
        var duration = TimeSpan.FromSeconds(o.Seconds);
        var warmup = TimeSpan.FromSeconds(o.Warmup);
        var loadBefore = LoadAverage();
        var appCpu = 0.0;
        foreach (var op in operations)
        {
            var client = op.Caller == Caller.Page ? pages! : api;
            string? etag = null;
            Runner.Work Http(int _) => async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, op.Path);
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                using var response = await client.SendAsync(request, token);
                await response.Content.LoadIntoBufferAsync(token);
                return new Runner.Sample((int)response.StatusCode, ServerMs(response));
            };

            // A first look: status, size and shape of the answer, rows of each baseline.
            string? problem;
            using (var first = await client.GetAsync(op.Path, ct))
            {
                var body = await first.Content.ReadAsStringAsync(ct);
                problem = !first.IsSuccessStatusCode ? $"answered {(int)first.StatusCode}"
                    : op.Revalidate && first.Headers.ETag is null ? "no ETag to send back"
                    : op.Check is null ? null : Safe(op.Check, body);
                if (op.Revalidate) etag = first.Headers.ETag?.ToString();
                Console.WriteLine($"==> {op.Name}: GET {op.Path} → {(int)first.StatusCode}, {body.Length:N0} chars{Items(body)}{(problem is null ? "" : $" ⚠ {problem}")}");
            }
            var rows = new int[op.Baselines.Count];
            for (var b = 0; b < rows.Length; b++)
                await using (var probe = new BaselineRunner(database, op.Baselines[b].Statements))
                    rows[b] = await probe.RunAsync(ct);

            var runners = op.Baselines.Select(_ => new BaselineRunner?[o.Concurrency]).ToArray();
            Func<int, Runner.Work> Sql(int b) => w => async token =>
            {
                await (runners[b][w] ??= new BaselineRunner(database, op.Baselines[b].Statements)).RunAsync(token);
                return new Runner.Sample(200);
            };
            // A baseline's connections are closed at the end of its phase: kept open across phases, three baselines at 64
            // clients held 192 connections and exhausted the pool of 100 (the "ideal" and "kept" phases timed out).
            async Task<PhaseResult> SqlPhaseAsync(int b, TimeSpan length)
            {
                try { return await Runner.RunAsync(op.Baselines[b].Name, o.Concurrency, length, o.Count, Sql(b), ct); }
                finally
                {
                    for (var w = 0; w < runners[b].Length; w++)
                        if (runners[b][w] is { } r) { await r.DisposeAsync(); runners[b][w] = null; }
                }
            }
            var appRounds = new List<PhaseResult>();
            var appCpuMs = new List<double>();
            var sqlRounds = op.Baselines.Select(_ => new List<PhaseResult>()).ToArray();
            try
            {
                if (warmup > TimeSpan.Zero)
                {
                    await Runner.RunAsync("app", o.Concurrency, warmup, o.Count, Http, ct);
                    for (var b = 0; b < runners.Length; b++) await SqlPhaseAsync(b, warmup);
                }
                // Tiered JIT keeps recompiling hot methods for minutes on a loaded machine (its worker took a quarter of the app's
                // CPU after a 30 s warm-up, ADR 0057): --settle measures the app once that is over, not while it still compiles.
                for (var settled = TimeSpan.Zero; settled < TimeSpan.FromSeconds(o.Settle) && !ct.IsCancellationRequested; settled += TimeSpan.FromSeconds(5))
                {
                    var before = app.JitMethods();
                    await Runner.RunAsync("app", o.Concurrency, TimeSpan.FromSeconds(5), o.Count, Http, ct);
                    await Task.Delay(1100, ct); // the startup hook writes its figures every second
                    var compiled = app.JitMethods() - before;
                    Console.WriteLine($"    settling: the JIT compiled {compiled} methods in 5 s");
                    if (compiled < 50) break;
                }
                // Round after round the app and then each baseline, so all sides see the same background load over the run.
                for (var round = 1; round <= o.Rounds && !ct.IsCancellationRequested; round++)
                {
                    var cpu = app.CpuSeconds();
                    var jit = app.JitMethods();
                    var a = await Runner.RunAsync("app", o.Concurrency, duration, o.Count, Http, ct);
                    var used = (app.CpuSeconds() ?? 0) - (cpu ?? 0);
                    var jitted = app.JitMethods() - jit;
                    appCpu += used;
                    appRounds.Add(a);
                    appCpuMs.Add(a.Requests > 0 ? used * 1000 / a.Requests : double.NaN);
                    var line = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture,
                        $"    round {round}: app {a.Throughput:N1} req/s p50 {a.P50Ms:0.00} p95 {a.P95Ms:0.00} p99 {a.P99Ms:0.00} ms (server p50 {a.ServerP50Ms:0.00}, CPU {appCpuMs[^1]:0.0} ms/req, JIT {jitted} methods) {Report.Statuses(a)}"));
                    for (var b = 0; b < runners.Length; b++)
                    {
                        var s = await SqlPhaseAsync(b, duration);
                        sqlRounds[b].Add(s);
                        line.Append(string.Create(CultureInfo.InvariantCulture, $" | {s.Side} p50 {s.P50Ms:0.00} p95 {s.P95Ms:0.00}{(s.FirstError is { } e ? $" ⚠ {e}" : "")}"));
                    }
                    Console.WriteLine(line);
                }
                measured.Add(new OperationResult(op.Name, op.Path, op.Caller.ToString(), problem, appRounds, appCpuMs,
                    op.Baselines.Select((b, i) => new BaselineResult(b.Name, rows[i], sqlRounds[i])).ToList()));
            }
            finally
            {
                foreach (var r in runners.SelectMany(r => r)) if (r is not null) await r.DisposeAsync();
            }
            if (ct.IsCancellationRequested) break;
        }
        pages?.Dispose();
        AppUsage? usage = null;
        if (app.Memory() is var (rss, peak))
        {
            // What the RSS is made of: the GC's figures now, then after a full compacting collection (live objects only).
            var gc = app.GcStats();
            var map = app.MemoryMap();
            var after = await app.AfterFullCollectionAsync();
            var mapAfter = app.MemoryMap();
            usage = new AppUsage(app.Id, rss, peak, appCpu, gc, after?.Gc, after?.RssMb, map, mapAfter);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"==> app RSS {rss:N0} MiB (peak {peak:N0}); GC {gc}"));
            if (after is { } a) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"==> after a full collection: RSS {a.RssMb:N0} MiB; GC {a.Gc}"));
            Console.WriteLine($"==> memory map at the end: {map}");
            Console.WriteLine($"==> memory map after the full collection: {mapAfter}");
        }

        // 5. Print and write the result.
        var run = new RunResult(scenario.Name, scenario.Description, database.AppProvider, o.SizeName, database.Describe, o.Concurrency, o.Seconds, o.Warmup,
            o.Count, o.Rounds, o.Role, started, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            $"{loadBefore} at the start, {LoadAverage()} at the end", load, usage, measured);
        Console.WriteLine();
        Console.Write(Report.Table(run));
        if (usage is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app process {usage.Pid}: RSS {usage.RssMb:N0} MiB, peak {usage.PeakRssMb:N0} MiB, {usage.CpuSeconds:N1} CPU s in the app phases"));
        var failures = measured.Where(m => m.App.Any(r => r.Failures > 0) || m.Baselines.Any(b => b.Rounds.Any(r => r.Failures > 0))).Select(m => m.Name).ToList();
        if (failures.Count > 0)
            Console.WriteLine($"⚠ non-2xx answers or errors in: {string.Join(", ", failures)} — their latencies measure those answers, not the real work.");
        Console.WriteLine($"==> written {Report.Write(run, results)} (and .json)");
        return 0;
    }

    /// <summary>The app's own time from the Server-Timing header the timing hook adds ("app;dur=12.3").</summary>
    static double? ServerMs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && values.FirstOrDefault() is { } v && v.StartsWith("app;dur=", StringComparison.Ordinal)
        && double.TryParse(v.AsSpan(8), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : null;

    /// <summary>The 1-minute load average, to say how busy the machine was.</summary>
    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>", N items" for a JSON array, to hold against the baseline's rows.</summary>
    static string Items(string body)
    {
        if (!body.TrimStart().StartsWith('[')) return "";
        try { using var doc = System.Text.Json.JsonDocument.Parse(body); return $", {doc.RootElement.GetArrayLength():N0} items"; }
        catch (System.Text.Json.JsonException) { return ""; }
    }

    static string? Safe(Func<string, string?> check, string body)
    {
        try { return check(body); }
        catch (Exception ex) { return $"unreadable answer: {ex.Message}"; }
    }

    /// <summary>The checkout root (beside Lianxin.slnx), from the working folder or from the binary.</summary>
    static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
