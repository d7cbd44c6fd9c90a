using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Lianxin.Bench;

/// <summary>
/// The ledger's "same statements" baseline: the steps <see cref="StatementCapture"/> recorded of each client's operations,
/// sent again by as many clients, each client its own operations in its own order, into a copy of the database taken just
/// before the phase was captured (so every row, key and balance is where it was). Each step is what the app did: a pooled
/// open or close, a transaction's start (Npgsql sends BEGIN with the next statement, as for the app), one round trip of a
/// command or a batch with the same text and values, a commit or rollback. No EF, no use case, no C# between the
/// statements: what is left of the app's time is its own work. A statement the database refuses here (a row another
/// client has not committed yet, in a different interleaving) is counted and the steps go on, as the app's did after its
/// own refusals.
/// </summary>
public static class StatementReplay
{
    public sealed record Result(int Clients, long Operations, long RoundTrips, double Seconds, double Throughput, double P50, double P95, double P99,
        long Refused, string? FirstRefusal, double CpuMsPerOperation);

    /// <summary>Replays every client's operations (each a list of steps) on <paramref name="connectionString"/>, clients at once.</summary>
    public static async Task<Result> RunAsync(string connectionString, IReadOnlyList<IReadOnlyList<List<Step>>> clients, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<long>();
        long roundTrips = 0, refused = 0;
        string? firstRefusal = null;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = clients.Select(operations => Task.Run(async () =>
        {
            await gate.Task;
            foreach (var steps in operations)
            {
                var start = Stopwatch.GetTimestamp();
                var (sent, failed, why) = await OperationAsync(connectionString, steps, ct);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Add(ref roundTrips, sent);
                if (failed == 0) continue;
                Interlocked.Add(ref refused, failed);
                Interlocked.CompareExchange(ref firstRefusal, why, null);
            }
        }, CancellationToken.None)).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var (p50, p95, p99) = Runner.Percentiles(latencies);
        return new Result(clients.Count, latencies.Count, roundTrips, seconds, latencies.Count / seconds, p50, p95, p99, refused, firstRefusal,
            cpuMs / Math.Max(1, latencies.Count));
    }

    static async Task<(int Sent, int Refused, string? Why)> OperationAsync(string connectionString, List<Step> steps, CancellationToken ct)
    {
        NpgsqlConnection? conn = null;
        NpgsqlTransaction? tx = null;
        int sent = 0, refused = 0;
        string? why = null;
        async Task<NpgsqlConnection> Connection()
        {
            if (conn is not null) return conn;
            conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync(ct);
            return conn;
        }
        try
        {
            foreach (var step in steps)
            {
                switch (step.Kind)
                {
                    case StepKind.Open:
                        await Connection();
                        break;
                    case StepKind.Close:
                        if (tx is not null) { await tx.DisposeAsync(); tx = null; }
                        if (conn is not null) { await conn.DisposeAsync(); conn = null; }
                        break;
                    case StepKind.Begin:
                        tx = await (await Connection()).BeginTransactionAsync(ct);
                        break;
                    case StepKind.Commit or StepKind.Rollback when tx is null:
                        break;
                    case StepKind.Commit:
                        try { await tx!.CommitAsync(ct); }
                        catch (PostgresException e) { refused++; why ??= e.MessageText; }
                        tx = null;
                        break;
                    case StepKind.Rollback:
                        await tx!.RollbackAsync(ct);
                        tx = null;
                        break;
                    case StepKind.Execute:
                        sent++;
                        try { await ExecuteAsync(await Connection(), tx, step, ct); }
                        catch (PostgresException e) { refused++; why ??= e.MessageText; }
                        break;
                }
            }
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
            if (conn is not null) await conn.DisposeAsync();
        }
        return (sent, refused, why);
    }

    /// <summary>One round trip, as the app made it: a command, or a batch; every row of every result read.</summary>
    static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Step step, CancellationToken ct)
    {
        if (step.Command is { } ef)
        {
            await using var command = new NpgsqlCommand(ef.Sql, conn, tx);
            foreach (var p in ef.Parameters) command.Parameters.Add(p.Clone());
            await DrainAsync(await command.ExecuteReaderAsync(ct), ct);
            return;
        }
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (sql, values) in step.Statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        await DrainAsync(await batch.ExecuteReaderAsync(ct), ct);
    }

    static async Task DrainAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        await using (reader)
            do
                while (await reader.ReadAsync(ct)) { }
            while (await reader.NextResultAsync(ct));
    }
}
