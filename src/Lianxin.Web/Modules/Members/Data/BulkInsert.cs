using System.Data.Common;
using System.Text;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Modules.Members.Data;

/// <summary>
/// A large import's rows written in bulk (binary COPY on PostgreSQL, a reused prepared INSERT on SQLite), built from the EF model so columns and value conversions are exactly
/// EF's (enums as text, Guids and dates as each provider stores them). It runs on the context's connection and
/// inside its current transaction; the change tracker and the per-row audit are bypassed, so the caller writes
/// one audit entry for the whole import.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(LianxinDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var props = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", props.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        // PostgreSQL: many rows per statement, far below its 65,535 parameters. SQLite looks parameters up by a
        // linear search, so a wide statement turns quadratic; there one prepared single-row INSERT is reused.
        var perBatch = db.Database.IsSqlite() ? 1 : Math.Max(1, 30000 / props.Count / 2);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkInsert runs inside a transaction.");
        var mappings = props.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();
        if (connection is Npgsql.NpgsqlConnection pg)
        {
            // Binary COPY: PostgreSQL's own bulk path, inside the current transaction.
            await using var writer = await pg.BeginBinaryImportAsync(
                $"COPY {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", props.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var c = 0; c < props.Count; c++)
                {
                    var value = props[c].GetGetter().GetClrValue(row);
                    value = value is null ? null : mappings[c].Converter?.ConvertToProvider(value) ?? value;
                    if (value is null) await writer.WriteNullAsync(ct);
                    else if (value is DateTime time) await writer.WriteAsync(time, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                    else await writer.WriteAsync(value, ct);
                }
            }
            await writer.CompleteAsync(ct);
            return;
        }
        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        foreach (var batch in rows.Chunk(perBatch))
        {
            var reuse = batch.Length == 1 && perBatch == 1;
            await using var owned = reuse ? null : connection.CreateCommand();
            var cmd = owned ?? single;
            cmd.Transaction = transaction;
            cmd.Parameters.Clear();
            var text = new StringBuilder(head);
            for (var r = 0; r < batch.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < props.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    if (c > 0) text.Append(", ");
                    text.Append(name);
                    var value = props[c].GetGetter().GetClrValue(batch[r]);
                    cmd.Parameters.Add(mappings[c].CreateParameter(cmd, name, value, props[c].IsNullable));
                }
                text.Append(')');
            }
            var commandText = text.ToString();
            if (cmd.CommandText != commandText) cmd.CommandText = commandText; // unchanged text keeps SQLite's prepared statement
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
