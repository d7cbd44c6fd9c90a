using System.Data.Common;
using System.Text;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Modules.Members.Data;

/// <summary>
/// Multi-row INSERTs for a large import, built from the EF model so columns and value conversions are exactly
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
        // Stay far below both providers' parameter limits (SQLite 32766, PostgreSQL 65535).
        var perBatch = Math.Max(1, 30000 / props.Count / 2);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkInsert runs inside a transaction.");
        var mappings = props.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();
        foreach (var batch in rows.Chunk(perBatch))
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
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
            cmd.CommandText = text.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
