using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Bench;

public sealed record OperationResult(string Name, string Path, string Caller, string? CheckProblem, int BaselineRows, PhaseResult App, PhaseResult Baseline)
{
    /// <summary>How many times slower the app is than its own SQL at the median (app p50 / baseline p50).</summary>
    public double? P50Ratio => Baseline.P50Ms > 0 ? App.P50Ms / Baseline.P50Ms : null;
    public double? P99Ratio => Baseline.P99Ms > 0 ? App.P99Ms / Baseline.P99Ms : null;
    /// <summary>App throughput as a share of the baseline's (app req/s / baseline req/s).</summary>
    public double? ThroughputRatio => Baseline.Throughput > 0 ? App.Throughput / Baseline.Throughput : null;
}

public sealed record RunResult(
    string Scenario, string Description, string Provider, string Size, string Database, int Concurrency, double Seconds, double Warmup, long Count,
    string Role, DateTime StartedUtc, string Machine, LoadReport Load, IReadOnlyList<OperationResult> Operations);

public static class Report
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Statuses(PhaseResult p) =>
        string.Join(" ", p.Statuses.Select(s => $"{(s.Key == 0 ? "error" : s.Key.ToString(Inv))}×{s.Value.ToString("N0", Inv)}"));

    public static string Ratio(double? r) => r is { } v ? v.ToString("0.00", Inv) + "×" : "—";

    /// <summary>The table printed to the console and written into the markdown result.</summary>
    public static string Table(RunResult run)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| operation | side | requests | req/s | p50 ms | p99 ms | mean ms | responses |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var op in run.Operations)
        {
            foreach (var p in new[] { op.App, op.Baseline })
                sb.AppendLine(string.Create(Inv,
                    $"| {op.Name} | {p.Side} | {p.Requests:N0} | {p.Throughput:N1} | {p.P50Ms:0.00} | {p.P99Ms:0.00} | {p.MeanMs:0.00} | {Statuses(p)}{(p.Failures > 0 ? " ⚠" : "")} |"));
            sb.AppendLine($"| {op.Name} | **app/baseline** | | {Ratio(op.ThroughputRatio)} | {Ratio(op.P50Ratio)} | {Ratio(op.P99Ratio)} | | |");
        }
        return sb.ToString();
    }

    public static string Markdown(RunResult run)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# {run.Scenario} · {run.Provider} · size {run.Size}");
        sb.AppendLine();
        sb.AppendLine(string.Create(Inv, $"{run.Description}. {run.StartedUtc:yyyy-MM-dd HH:mm} UTC on {run.Machine}; {run.Concurrency} workers, {run.Seconds:0.#} s per phase after {run.Warmup:0.#} s warm-up, at most {run.Count:N0} requests per phase; bench user role: {run.Role}."));
        sb.AppendLine();
        sb.AppendLine($"Database: {run.Database}. {LoadLine(run.Load)}");
        sb.AppendLine();
        sb.Append(Table(run));
        sb.AppendLine();
        foreach (var op in run.Operations)
        {
            sb.AppendLine($"- `{op.Name}`: `GET {op.Path}` ({op.Caller}); baseline reads {op.BaselineRows} rows per run.");
            if (op.CheckProblem is { } problem) sb.AppendLine($"  - ⚠ response check: {problem}");
            if (op.App.FirstError is { } e1) sb.AppendLine($"  - ⚠ app error: {e1}");
            if (op.Baseline.FirstError is { } e2) sb.AppendLine($"  - ⚠ baseline error: {e2}");
        }
        sb.AppendLine();
        sb.AppendLine("Ratios are app ÷ baseline: for latency, how many times slower the app is than its own SQL; for req/s, the share of the baseline's throughput the app reaches. Client, app and database share this machine's cores.");
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
