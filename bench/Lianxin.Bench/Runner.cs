using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Lianxin.Bench.Scenarios;

namespace Lianxin.Bench;

/// <summary>
/// What one phase measured. Status 0 is an exception (connection refused, timeout…). The Server* percentiles are the
/// app's own time (its Server-Timing header, see bench/Lianxin.Bench.Timing), null when the answers carried none.
/// </summary>
public sealed record PhaseResult(
    string Side, long Requests, double Seconds, double Throughput, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double MaxMs,
    double? ServerP50Ms, double? ServerP95Ms, double? ServerP99Ms, IReadOnlyDictionary<int, long> Statuses, string? FirstError)
{
    // 304 is what a revalidating client (Operation.Revalidate) expects while nothing changed.
    public long Failures => Statuses.Where(s => s.Key is (< 200 or > 299) and not 304).Sum(s => s.Value);
}

/// <summary>
/// Runs one action with N workers until the time is up or the request budget is spent, whichever is first;
/// nothing runs unbounded. Latencies of every request are kept and sorted for exact percentiles.
/// </summary>
public static class Runner
{
    /// <summary>A worker's action: returns an HTTP status (200 for a baseline that ran) and the server's time when it told it.</summary>
    public delegate Task<Sample> Work(CancellationToken ct);

    public readonly record struct Sample(int Status, double? ServerMs = null);

    public static async Task<PhaseResult> RunAsync(string side, int workers, TimeSpan duration, long maxCount, Func<int, Work> workerFactory, CancellationToken cancel)
    {
        var actions = Enumerable.Range(0, workers).Select(workerFactory).ToArray();
        var latencies = new List<long>[workers];
        var server = new List<double>[workers];
        var statuses = new ConcurrentDictionary<int, long>();
        string? firstError = null;
        long issued = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();

        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>(4096);
            var mineServer = server[w] = new List<double>(4096);
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxCount)
            {
                var start = Stopwatch.GetTimestamp();
                Sample sample;
                try
                {
                    sample = await actions[w](stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break; // the clock ran out mid-request: not counted
                }
                catch (Exception ex)
                {
                    sample = new Sample(0);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
                mine.Add(Stopwatch.GetTimestamp() - start);
                if (sample.ServerMs is { } ms) mineServer.Add(ms);
                statuses.AddOrUpdate(sample.Status, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;

        var all = latencies.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        var times = server.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(times);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Pct(double p) => all.Length == 0 ? 0 : Ms(all[Rank(p, all.Length)]);
        double? ServerPct(double p) => times.Length == 0 ? null : times[Rank(p, times.Length)];
        return new PhaseResult(side, all.Length, seconds, all.Length / seconds, Pct(0.50), Pct(0.95), Pct(0.99),
            all.Length == 0 ? 0 : Ms((long)all.Average()), all.Length == 0 ? 0 : Ms(all[^1]), ServerPct(0.50), ServerPct(0.95), ServerPct(0.99),
            new SortedDictionary<int, long>(statuses), firstError);
    }

    /// <summary>The nearest-rank percentile's index into n sorted values.</summary>
    public static int Rank(double p, int n) => Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1);

    /// <summary>p50, p95 and p99 in milliseconds of latencies kept as <see cref="Stopwatch"/> ticks.</summary>
    public static (double P50, double P95, double P99) Percentiles(IEnumerable<long> ticks)
    {
        var all = ticks.ToArray();
        Array.Sort(all);
        double Pct(double p) => all.Length == 0 ? 0 : all[Rank(p, all.Length)] * 1000.0 / Stopwatch.Frequency;
        return (Pct(0.50), Pct(0.95), Pct(0.99));
    }
}

/// <summary>Runs a baseline's statements on one worker's own open connection, prepared once, reading every value.</summary>
public sealed class BaselineRunner : IAsyncDisposable
{
    readonly DbConnection connection;
    readonly DbCommand[] commands;

    public BaselineRunner(BenchDatabase db, IReadOnlyList<Sql> statements)
    {
        connection = db.Open();
        commands = statements.Select(s => Command(connection, s)).ToArray();
        foreach (var c in commands) c.Prepare();
    }

    public static DbCommand Command(DbConnection connection, Sql sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql.Text;
        foreach (var (name, value) in sql.Parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>Runs every statement and returns the number of rows read.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var rows = 0;
        foreach (var cmd in commands)
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in commands) await c.DisposeAsync();
        await connection.DisposeAsync();
    }
}
