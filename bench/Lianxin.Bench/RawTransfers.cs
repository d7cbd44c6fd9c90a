using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Lianxin.Bench;

/// <summary>
/// The ledger scenario's raw SQL baseline (PostgreSQL): the transfer rows the app committed in its load phase, written again
/// with plain SQL by as many clients, on a connection pool of the same size, one transaction per transfer as the app does:
/// INSERT the row, then move the two cached balances with the app's guarded UPDATE (a depositor or merchant only
/// <c>WHERE Balance &gt;= amount</c>), in account id order. They go into copies of pb_transfers and pb_accounts (same columns
/// and indexes, made for the run and dropped after it), so the app's ledger and its check are untouched; the copied
/// balances are raised so that every row applies whatever order the clients reach them in.
/// </summary>
public static class RawTransfers
{
    public sealed record Loaded(string[] Columns, IReadOnlyList<object?[]> Rows, int Debit, int Credit, int Amount);

    public sealed record Result(int Clients, long Operations, double Seconds, double Throughput, double P50, double P95, double P99, long Errors, string? FirstError);

    /// <summary>The tenant's transfers created between the two times (the load phase), every column.</summary>
    public static async Task<Loaded> ReadAsync(BenchDatabase database, Guid tenant, DateTime since, DateTime until, CancellationToken ct)
    {
        await using var conn = (NpgsqlConnection)database.Open();
        await using var cmd = new NpgsqlCommand("""SELECT * FROM pb_transfers WHERE "TenantId" = @t AND "CreatedAt" >= @since AND "CreatedAt" <= @until ORDER BY "CreatedAt" """, conn);
        cmd.Parameters.AddWithValue("t", tenant);
        cmd.Parameters.AddWithValue("since", since);
        cmd.Parameters.AddWithValue("until", until);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
        }
        return new Loaded(columns, rows, Array.IndexOf(columns, "DebitAccountId"), Array.IndexOf(columns, "CreditAccountId"), Array.IndexOf(columns, "Amount"));
    }

    /// <summary>
    /// Writes the rows again. With <paramref name="auditLockTenant"/>, each transaction first takes the tenant's audit-chain
    /// advisory lock, as the app's AuditInterceptor does at its first save (ADR 0004): every writer of the district then waits
    /// for the one before it to commit, which is the ceiling the app's ledger meets.
    /// </summary>
    public static async Task<Result> RunAsync(BenchDatabase database, Loaded loaded, int clients, TimeSpan duration, CancellationToken cancel,
        Guid? auditLockTenant = null)
    {
        await using (var setup = (NpgsqlConnection)database.Open())
        await using (var cmd = new NpgsqlCommand("""
            DROP TABLE IF EXISTS bench_pb_transfers, bench_pb_accounts;
            CREATE TABLE bench_pb_transfers (LIKE pb_transfers INCLUDING ALL);
            CREATE TABLE bench_pb_accounts (LIKE pb_accounts INCLUDING ALL);
            INSERT INTO bench_pb_accounts SELECT * FROM pb_accounts;
            UPDATE bench_pb_accounts SET "Balance" = "Balance" + 1000000000;
            ANALYZE bench_pb_accounts;
            """, setup))
            await cmd.ExecuteNonQueryAsync(cancel);

        var insert = $"INSERT INTO bench_pb_transfers ({string.Join(", ", loaded.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", loaded.Columns.Select((_, i) => $"${i + 1}"))})";
        const string debit = """UPDATE bench_pb_accounts SET "Balance" = "Balance" - $2 WHERE "Id" = $1 AND (("Kind" <> 'Depositor' AND "Kind" <> 'Merchant') OR "Balance" >= $2)""";
        const string credit = """UPDATE bench_pb_accounts SET "Balance" = "Balance" + $2 WHERE "Id" = $1""";

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(duration);
        var latencies = new ConcurrentBag<long>();
        long next = -1, errors = 0;
        string? firstError = null;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            long i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < loaded.Rows.Count)
            {
                var row = loaded.Rows[(int)i];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    // A connection from the pool per transfer, as each request's DbContext takes one.
                    await using var conn = new NpgsqlConnection(database.ConnectionString);
                    await conn.OpenAsync(stop.Token);
                    await using var tx = await conn.BeginTransactionAsync(stop.Token);
                    if (auditLockTenant is { } tenant)
                        await using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Lianxin.Web.Platform.Audit.AuditInterceptor.LockClass}, {Lianxin.Web.Platform.Audit.AuditInterceptor.LockKey(tenant)})", conn, tx))
                            await cmd.ExecuteNonQueryAsync(stop.Token);
                    await using (var cmd = new NpgsqlCommand(insert, conn, tx))
                    {
                        foreach (var v in row) cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
                        await cmd.ExecuteNonQueryAsync(stop.Token);
                    }
                    var amount = (long)row[loaded.Amount]!;
                    var moves = new[] { ((Guid)row[loaded.Debit]!, -amount), ((Guid)row[loaded.Credit]!, amount) }.OrderBy(m => m.Item1);
                    foreach (var (account, delta) in moves)
                    {
                        await using var cmd = new NpgsqlCommand(delta < 0 ? debit : credit, conn, tx);
                        cmd.Parameters.Add(new NpgsqlParameter { Value = account });
                        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Abs(delta) });
                        if (await cmd.ExecuteNonQueryAsync(stop.Token) != 1) throw new InvalidOperationException($"account {account} refused {delta}");
                    }
                    await tx.CommitAsync(stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                    continue;
                }
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
        }, CancellationToken.None)).ToArray();
        gate.SetResult();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;

        await using (var cleanup = (NpgsqlConnection)database.Open())
        await using (var cmd = new NpgsqlCommand("DROP TABLE IF EXISTS bench_pb_transfers, bench_pb_accounts", cleanup))
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);

        var (p50, p95, p99) = Runner.Percentiles(latencies);
        return new Result(clients, latencies.Count, seconds, latencies.Count / seconds, p50, p95, p99, errors, firstError);
    }
}
