using System.Diagnostics;
using System.Globalization;

using Lianxin.Bench.Scenarios;
using Lianxin.Web.Platform.Data;
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

        // 3. The app over HTTP on a loopback port, and the bench user.
        Console.WriteLine("==> starting the app");
        var sw = Stopwatch.StartNew();
        await using var app = new BenchApp(database, results);
        app.Start();
        var tenant = await app.EnsureUserAsync(o.Role, database.Marker);
        using (var scope = app.Services.CreateScope())
        {
            // The loaded rows must read back through EF exactly as the app sees them (id and enum formats).
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenant);
            var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
            var units = await db.OrgUnits.CountAsync(ct);
            var households = await db.Households.CountAsync(ct);
            Console.WriteLine($"==> app at {app.BaseUrl} in {sw.Elapsed.TotalSeconds:0.0} s; it sees {units:N0} units and {households:N0} households");
            if (units == 0) { Console.Error.WriteLine("the app sees no loaded units: the loader's formats do not match the model"); return 1; }
        }
        if (ledger) return await LedgerBench.RunAsync(app, tenant, o, results, ct);
        using var api = await app.ApiClientAsync(o.Concurrency);

        // 4. The scenario's operations, each measured over HTTP and as raw SQL.
        IReadOnlyList<Operation> operations;
        await using (var conn = database.Open())
            operations = await scenario.PrepareAsync(new ScenarioContext(database, conn, tenant, o), ct);
        if (o.Operations is { } only)
            operations = operations.Where(op => only.Contains(op.Name, StringComparer.OrdinalIgnoreCase)).ToList();

        HttpClient? pages = null;
        if (operations.Any(op => op.Caller == Caller.Page))
        {
            try
            {
                pages = await app.PageClientAsync(o.Concurrency);
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
        foreach (var op in operations)
        {
            var client = op.Caller == Caller.Page ? pages! : api;
            Runner.Work Http(int _) => async token =>
            {
                using var response = await client.GetAsync(op.Path, token);
                await response.Content.LoadIntoBufferAsync(token);
                return (int)response.StatusCode;
            };

            // A first look: status, size and shape of the answer, rows of the baseline.
            string? problem;
            using (var first = await client.GetAsync(op.Path, ct))
            {
                var body = await first.Content.ReadAsStringAsync(ct);
                problem = !first.IsSuccessStatusCode ? $"answered {(int)first.StatusCode}"
                    : op.Check is null ? null : Safe(op.Check, body);
                Console.WriteLine($"==> {op.Name}: GET {op.Path} → {(int)first.StatusCode}, {body.Length:N0} chars{Items(body)}{(problem is null ? "" : $" ⚠ {problem}")}");
            }
            int rows;
            await using (var probe = new BaselineRunner(database, op.Baseline))
                rows = await probe.RunAsync(ct);

            var runners = new BaselineRunner?[o.Concurrency];
            Runner.Work Sql(int w) => async token =>
            {
                await (runners[w] ??= new BaselineRunner(database, op.Baseline)).RunAsync(token);
                return 200;
            };
            try
            {
                if (warmup > TimeSpan.Zero) await Runner.RunAsync("app", o.Concurrency, warmup, o.Count, Http, ct);
                var appResult = await Runner.RunAsync("app", o.Concurrency, duration, o.Count, Http, ct);
                if (warmup > TimeSpan.Zero) await Runner.RunAsync("baseline", o.Concurrency, warmup, o.Count, Sql, ct);
                var sqlResult = await Runner.RunAsync("baseline", o.Concurrency, duration, o.Count, Sql, ct);
                var result = new OperationResult(op.Name, op.Path, op.Caller.ToString(), problem, rows, appResult, sqlResult);
                measured.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    app      {appResult.Throughput,9:N1} req/s  p50 {appResult.P50Ms,7:0.00} ms  p99 {appResult.P99Ms,7:0.00} ms  {Report.Statuses(appResult)}{(appResult.Failures > 0 ? $"  ⚠ {appResult.Failures:N0} non-2xx" : "")}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    baseline {sqlResult.Throughput,9:N1} req/s  p50 {sqlResult.P50Ms,7:0.00} ms  p99 {sqlResult.P99Ms,7:0.00} ms  ({rows} rows){(sqlResult.FirstError is { } e ? $"  ⚠ {e}" : "")}"));
                Console.WriteLine($"    app/baseline: p50 {Report.Ratio(result.P50Ratio)}, p99 {Report.Ratio(result.P99Ratio)}, req/s {Report.Ratio(result.ThroughputRatio)}");
            }
            finally
            {
                foreach (var r in runners) if (r is not null) await r.DisposeAsync();
            }
            if (ct.IsCancellationRequested) break;
        }
        pages?.Dispose();

        // 5. Print and write the result.
        var run = new RunResult(scenario.Name, scenario.Description, database.AppProvider, o.SizeName, database.Describe, o.Concurrency, o.Seconds, o.Warmup,
            o.Count, o.Role, started, $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}", load, measured);
        Console.WriteLine();
        Console.Write(Report.Table(run));
        var failures = measured.Where(m => m.App.Failures > 0 || m.Baseline.Failures > 0).Select(m => m.Name).ToList();
        if (failures.Count > 0)
            Console.WriteLine($"⚠ non-2xx answers or errors in: {string.Join(", ", failures)} — their latencies measure those answers, not the real work.");
        Console.WriteLine($"==> written {Report.Write(run, results)} (and .json)");
        return 0;
    }

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
