using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Support;

/// <summary>
/// Tables, columns (type, nullability) and indexes (columns, uniqueness) of a database, one sorted line each. The text-search
/// indexes outside the EF model (PostgreSQL GIN indexes named FTS_*, SQLite FTS5 tables *_fts and their shadow tables, ADR 0036)
/// are left out: the search tests prove them on both providers.
/// </summary>
public static class SchemaDump
{
    public static async Task<List<string>> DescribeAsync(DbContext db)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        var lines = TestDatabase.IsPostgres ? await Postgres(conn) : await Sqlite(conn);
        return lines.Where(l => !l.Contains("__lianxin_migrations")).Order(StringComparer.Ordinal).ToList();
    }

    static async Task<List<string>> Postgres(DbConnection conn)
    {
        var lines = await Query(conn, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
        lines.AddRange(await Query(conn, """
            SELECT 'index ' || tablename || ' ' || regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ', '\1')
            FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE 'FTS\_%'
            """));
        lines.AddRange(await Query(conn, """
            SELECT 'fk ' || tc.table_name || ' ' || kcu.column_name || ' -> ' || ccu.table_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name
            JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """));
        return lines;
    }

    static async Task<List<string>> Sqlite(DbConnection conn)
    {
        var lines = new List<string>();
        foreach (var table in await Query(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%!_fts' ESCAPE '!' AND name NOT LIKE '%!_fts!_%' ESCAPE '!'"))
        {
            foreach (var c in await Query(conn, $"SELECT name || ' ' || type || ' ' || CASE \"notnull\" WHEN 1 THEN 'NO' ELSE 'YES' END || ' pk' || pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c}");
            foreach (var index in await Query(conn, $"SELECT name || '|' || \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk'"))
            {
                var parts = index.Split('|');
                var cols = await Query(conn, $"SELECT name FROM pragma_index_info('{parts[0]}') ORDER BY seqno");
                lines.Add($"index {table} ({string.Join(",", cols)}) unique={parts[1]}");
            }
            foreach (var fk in await Query(conn, $"SELECT \"from\" || ' -> ' || \"table\" FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table} {fk}");
        }
        return lines;
    }

    static async Task<List<string>> Query(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
