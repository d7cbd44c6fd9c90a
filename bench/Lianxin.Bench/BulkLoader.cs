using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Lianxin.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench;

/// <summary>
/// Bulk insert of generated rows, bypassing EF's change tracker and the audit interceptor (generated rows
/// are not changes anyone made, as in demo seeding). Table and column names and value conversions come from
/// the app's EF model, so a loaded row reads back exactly as if EF had written it; a later issue adds a
/// table by adding one line to <see cref="LoadAsync"/>.
/// PostgreSQL: binary COPY. SQLite: prepared multi-row INSERTs in one transaction.
/// </summary>
public static class BulkLoader
{
    public static async Task<IReadOnlyList<TableLoad>> LoadAsync(IModel model, DbConnection conn, Provider provider, GeneratedDistrict g, CancellationToken ct)
    {
        var loads = new List<TableLoad>();
        if (provider == Provider.Sqlite)
        {
            // Durability does not matter for a bench load; the app's own connections keep their defaults.
            await using var pragma = conn.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var tx = provider == Provider.Sqlite ? await conn.BeginTransactionAsync(ct) : null;
        loads.Add(Load(model, conn, tx, g.Units));
        loads.Add(Load(model, conn, tx, g.Positions));
        loads.Add(Load(model, conn, tx, g.Grids));
        loads.Add(Load(model, conn, tx, g.Compounds));
        loads.Add(Load(model, conn, tx, g.Buildings));
        loads.Add(Load(model, conn, tx, g.Households));
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await tx.DisposeAsync();
        }
        else
        {
            // PostgreSQL would analyse the fresh tables on its own shortly; do it now so the first phase sees real plans.
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return loads;
    }

    sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping)
    {
        public object? Value(object entity)
        {
            var v = Property.GetValue(entity);
            return v is null ? null : Mapping.Converter is { } c ? c.ConvertToProvider(v) : v;
        }
    }

    static TableLoad Load<T>(IModel model, DbConnection conn, DbTransaction? tx, IReadOnlyList<T> rows) where T : class
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().Select(p => new Column(
            p.GetColumnName(store) ?? throw new InvalidOperationException($"{table}.{p.Name} has no column"),
            p.PropertyInfo ?? throw new NotSupportedException($"{table}.{p.Name} is a shadow property: give the loader its value"),
            p.GetRelationalTypeMapping())).ToList();

        var sw = Stopwatch.StartNew();
        if (conn is NpgsqlConnection pg) Copy(pg, table, columns, rows);
        else Insert((SqliteConnection)conn, (SqliteTransaction)tx!, table, columns, rows);
        return new TableLoad(table, rows.Count, sw.Elapsed.TotalSeconds);
    }

    static void Copy<T>(NpgsqlConnection conn, string table, List<Column> columns, IReadOnlyList<T> rows) where T : class
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        using var importer = conn.BeginBinaryImport(sql);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var c in columns)
            {
                var v = c.Value(row);
                if (v is null) importer.WriteNull();
                else importer.Write(v, PgType(v));
            }
        }
        importer.Complete();
    }

    /// <summary>The wire type of a provider value; varchar and text share their binary format.</summary>
    static NpgsqlDbType PgType(object v) => v switch
    {
        Guid => NpgsqlDbType.Uuid,
        string => NpgsqlDbType.Text,
        int => NpgsqlDbType.Integer,
        long => NpgsqlDbType.Bigint,
        short => NpgsqlDbType.Smallint,
        bool => NpgsqlDbType.Boolean,
        DateOnly => NpgsqlDbType.Date,
        DateTime => NpgsqlDbType.TimestampTz,
        DateTimeOffset => NpgsqlDbType.TimestampTz,
        decimal => NpgsqlDbType.Numeric,
        double => NpgsqlDbType.Double,
        _ => throw new NotSupportedException($"no COPY type for {v.GetType().Name}"),
    };

    static void Insert<T>(SqliteConnection conn, SqliteTransaction tx, string table, List<Column> columns, IReadOnlyList<T> rows) where T : class
    {
        // Many rows per statement cut the per-statement cost; stay far below SQLite's parameter limit.
        var perBatch = Math.Max(1, 900 / columns.Count);
        SqliteCommand Command(int n)
        {
            var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ");
            for (var r = 0; r < n; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var k = 0; k < columns.Count; k++)
                {
                    var name = $"@p{r}_{k}";
                    sql.Append(k == 0 ? name : ", " + name);
                    // The mapping's own parameter: SQLite Guids become upper-case TEXT exactly as EF writes them.
                    cmd.Parameters.Add(columns[k].Mapping.CreateParameter(cmd, name, null, nullable: true));
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            cmd.Prepare();
            return cmd;
        }

        SqliteCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perBatch)
            {
                var n = Math.Min(perBatch, rows.Count - start);
                using var partial = n == perBatch ? null : Command(n);
                var cmd = partial ?? (full ??= Command(perBatch));
                var i = 0;
                for (var r = 0; r < n; r++)
                {
                    var row = rows[start + r]!;
                    foreach (var c in columns)
                        cmd.Parameters[i++].Value = c.Value(row) ?? DBNull.Value;
                }
                cmd.ExecuteNonQuery();
            }
        }
        finally
        {
            full?.Dispose();
        }
    }
}
