using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Bench;

/// <summary>The median of some rounds' values and their range.</summary>
public sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        if (v.Length == 0) return new Spread(double.NaN, double.NaN, double.NaN);
        var median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return new Spread(median, v[0], v[^1]);
    }

    public override string ToString() => Format("0.00");

    public string Format(string f, string unit = "") => double.IsNaN(Median) ? "—"
        : Min == Max ? Median.ToString(f, CultureInfo.InvariantCulture) + unit
        : string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(f, CultureInfo.InvariantCulture)}{unit} ({Min.ToString(f, CultureInfo.InvariantCulture)}–{Max.ToString(f, CultureInfo.InvariantCulture)})");
}

/// <summary>One baseline of an operation: its rows per run and its phase in each round.</summary>
public sealed record BaselineResult(string Name, int Rows, IReadOnlyList<PhaseResult> Rounds);

/// <summary>An operation's app phases and baseline phases, round by round (round i of each ran back to back).</summary>
/// <remarks><see cref="AppCpuMs"/>: CPU milliseconds the app process used per request in each round's app phase (all its threads,
/// background jobs included): less sensitive to a busy machine than latency.</remarks>
public sealed record OperationResult(string Name, string Path, string Caller, string? CheckProblem, IReadOnlyList<PhaseResult> App, IReadOnlyList<double> AppCpuMs,
    IReadOnlyList<BaselineResult> Baselines)
{
    /// <summary>app ÷ baseline of a figure, round by round (the two ran in the same minute), as median and range.</summary>
    public Spread Ratio(BaselineResult b, Func<PhaseResult, double?> figure) =>
        Spread.Of(App.Zip(b.Rounds, (a, s) => figure(a) is { } x && figure(s) is { } y && y > 0 ? x / y : double.NaN));
}

/// <summary>The app process's memory at the end of the run and its CPU time during the measured phases.</summary>
/// <summary>The app process at the end: RSS and peak, CPU, the GC's figures then, and after a full compacting collection with the RSS then.</summary>
public sealed record AppUsage(int Pid, double RssMb, double PeakRssMb, double CpuSeconds, string? Gc = null, string? GcAfterCollect = null, double? RssAfterCollectMb = null,
    string? Map = null, string? MapAfterCollect = null);

public sealed record RunResult(
    string Scenario, string Description, string Provider, string Size, string Database, int Concurrency, double Seconds, double Warmup, long Count,
    int Rounds, string Role, DateTime StartedUtc, string Machine, string Load, LoadReport LoadReport, AppUsage? App, IReadOnlyList<OperationResult> Operations);

public static class Report
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Statuses(PhaseResult p) =>
        string.Join(" ", p.Statuses.Select(s => $"{(s.Key == 0 ? "error" : s.Key.ToString(Inv))}×{s.Value.ToString("N0", Inv)}"));

    /// <summary>The table printed to the console and written into the markdown result: medians over the rounds, (min–max) when they differ.</summary>
    public static string Table(RunResult run)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| operation | side | requests | req/s | p50 ms | p95 ms | p99 ms | server p50 ms | server p95 ms | app CPU ms/req | responses |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var op in run.Operations)
        {
            sb.AppendLine(Row(op.Name, "app", op.App, Spread.Of(op.AppCpuMs).Format("0.0")));
            foreach (var b in op.Baselines) sb.AppendLine(Row(op.Name, b.Name, b.Rounds, ""));
            foreach (var b in op.Baselines)
                sb.AppendLine($"| {op.Name} | **app/{b.Name}** | | {op.Ratio(b, p => p.Throughput).Format("0.00", "×")} | {op.Ratio(b, p => p.P50Ms).Format("0.0", "×")} " +
                              $"| {op.Ratio(b, p => p.P95Ms).Format("0.0", "×")} | {op.Ratio(b, p => p.P99Ms).Format("0.0", "×")} " +
                              $"| {Spread.Of(op.App.Zip(b.Rounds, (a, s) => a.ServerP50Ms is { } x && s.P50Ms > 0 ? x / s.P50Ms : double.NaN)).Format("0.0", "×")} | | | |");
        }
        return sb.ToString();
    }

    static string Row(string op, string side, IReadOnlyList<PhaseResult> rounds, string cpu)
    {
        Spread Of(Func<PhaseResult, double?> f) => Spread.Of(rounds.Select(r => f(r) ?? double.NaN));
        var statuses = rounds.SelectMany(r => r.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var all = new PhaseResult(side, rounds.Sum(r => r.Requests), 0, 0, 0, 0, 0, 0, 0, null, null, null, new SortedDictionary<int, long>(statuses), null);
        return string.Create(Inv,
            $"| {op} | {side} | {all.Requests:N0} | {Of(p => p.Throughput).Format("N1")} | {Of(p => p.P50Ms).Format("0.00")} | {Of(p => p.P95Ms).Format("0.00")} " +
            $"| {Of(p => p.P99Ms).Format("0.00")} | {Of(p => p.ServerP50Ms).Format("0.00")} | {Of(p => p.ServerP95Ms).Format("0.00")} | {cpu} | {Statuses(all)}{(all.Failures > 0 ? " ⚠" : "")} |");
    }

    public static string Markdown(RunResult run)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {run.Scenario} · {run.Provider} · size {run.Size}");
        sb.AppendLine();
        sb.AppendLine(string.Create(Inv, $"{run.Description}. {run.StartedUtc:yyyy-MM-dd HH:mm} UTC on {run.Machine} (load average {run.Load}); {run.Concurrency} workers; {run.Rounds} rounds, each the app then every baseline for {run.Seconds:0.#} s, after one {run.Warmup:0.#} s warm-up of each; at most {run.Count:N0} requests per phase; bench user role: {run.Role}."));
        sb.AppendLine();
        sb.AppendLine($"Database: {run.Database}. {LoadLine(run.LoadReport)}");
        if (run.App is { } app)
        {
            sb.AppendLine().AppendLine(string.Create(Inv, $"The app ran in its own process (pid {app.Pid}): resident memory {app.RssMb:N0} MiB at the end, peak {app.PeakRssMb:N0} MiB; {app.CpuSeconds:N1} CPU seconds during the measured phases."));
            if (app.Gc is not null) sb.AppendLine().AppendLine($"GC at the end: `{app.Gc}`.");
            if (app.GcAfterCollect is not null) sb.AppendLine().AppendLine(string.Create(Inv, $"After a full compacting collection: `{app.GcAfterCollect}`, RSS {app.RssAfterCollectMb:N0} MiB."));
            if (app.Map is not null) sb.AppendLine().AppendLine($"Memory map (MiB resident by kind of mapping) at the end: `{app.Map}`; after the full collection: `{app.MapAfterCollect}`.");
        }
        sb.AppendLine();
        sb.Append(Table(run));
        sb.AppendLine();
        foreach (var op in run.Operations)
        {
            sb.AppendLine($"- `{op.Name}`: `GET {op.Path}` ({op.Caller}); {string.Join(", ", op.Baselines.Select(b => $"{b.Name} reads {b.Rows} rows per run"))}.");
            if (op.CheckProblem is { } problem) sb.AppendLine($"  - ⚠ response check: {problem}");
            if (op.App.Select(r => r.FirstError).FirstOrDefault(e => e is not null) is { } e1) sb.AppendLine($"  - ⚠ app error: {e1}");
            foreach (var b in op.Baselines)
                if (b.Rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null) is { } e2) sb.AppendLine($"  - ⚠ {b.Name} error: {e2}");
        }
        sb.AppendLine();
        sb.AppendLine("Figures are medians over the rounds with (min–max) across rounds. Ratios are app ÷ baseline taken round by round (the two ran back to back) and then summarised: for latency, how many times slower the app is than the SQL; for req/s, the share of the baseline's throughput the app reaches. The server columns are the app's own time (Server-Timing), without the HTTP client; server p50 ÷ the baseline's p50 is the app's cost over its SQL without the load generator.");
        return sb.ToString();
    }

    public static string LoadLine(LoadReport load) => load.Reused
        ? "Reused an already loaded database."
        : string.Create(Inv, $"Generated in {load.GenerateSeconds:0.0} s, migrated in {load.MigrateSeconds:0.0} s, loaded {load.Rows:N0} rows ({string.Join(", ", load.Tables.Select(t => $"{t.Table} {t.Rows:N0} in {t.Seconds:0.0} s"))}); {load.TotalSeconds:0.0} s in all.");

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes bench/results/&lt;time&gt;-&lt;scenario&gt;-&lt;provider&gt;-&lt;size&gt;.md and .json; returns the markdown path.</summary>
    public static string Write(RunResult run, string resultsDir)
    {
        Directory.CreateDirectory(resultsDir);
        var stem = Path.Combine(resultsDir, $"{run.StartedUtc:yyyyMMdd-HHmmss}-{run.Scenario}-{run.Provider.ToLowerInvariant()}-{run.Size.ToLowerInvariant()}");
        File.WriteAllText(stem + ".md", Markdown(run));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(run, Json));
        return stem + ".md";
    }
}
