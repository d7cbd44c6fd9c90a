using System.Diagnostics;
using Lianxin.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lianxin.Web.Platform.Cli;

/// <summary>
/// <c>backup</c>, <c>restore</c> and <c>verify-backup</c> for both providers (ADR 0029): SQLite through its online backup
/// API (a consistent copy while the app runs), PostgreSQL through <c>pg_dump</c>/<c>pg_restore</c> in the custom format.
/// Every backup is checked before it gets its final name, and a restore checks the file before it touches the database.
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseOptions db, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside, checked, then renamed: a half-written or broken backup never sits under the name asked for.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (db.IsPostgres)
                await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", partial], db.ConnectionString, ct);
            else
            {
                await using var source = new SqliteConnection(db.ConnectionString);
                await using var copy = new SqliteConnection(FileConnection(partial, readOnly: false));
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }
            await CheckAsync(db, partial, ct);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Throws (in Chinese) unless the file is a readable backup of this provider: SQLite <c>PRAGMA integrity_check</c> and the
    /// migration history present; PostgreSQL a custom-format archive <c>pg_restore --list</c> can read, with the history table.
    /// </summary>
    public static async Task CheckAsync(DatabaseOptions db, string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new InvalidOperationException($"备份文件不存在：{file}");
        if (db.IsPostgres)
        {
            var list = await RunAsync("pg_restore", ["--list", file], null, ct);
            if (!list.Contains(Migrations.MigrationRunner.HistoryTable, StringComparison.Ordinal))
                throw new InvalidOperationException($"{file} 不是连心数据库的备份（没有迁移记录表）。");
            return;
        }
        await using var conn = new SqliteConnection(FileConnection(file, readOnly: true));
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        try
        {
            cmd.CommandText = "PRAGMA integrity_check";
            var result = (string?)await cmd.ExecuteScalarAsync(ct);
            if (result != "ok") throw new InvalidOperationException($"备份文件已损坏（integrity_check：{result}）。");
            cmd.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Migrations.MigrationRunner.HistoryTable}'";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 0)
                throw new InvalidOperationException($"{file} 不是连心数据库的备份（没有迁移记录表）。");
        }
        catch (SqliteException e)
        {
            throw new InvalidOperationException($"备份文件无法读取或已损坏：{e.Message}");
        }
    }

    /// <summary>
    /// Replaces the database's whole content with the backup's (stop the app first). PostgreSQL: the public schema is
    /// emptied, so tables a newer version added do not survive beside an older backup's migration history.
    /// </summary>
    public static async Task RestoreAsync(DatabaseOptions db, string file, CancellationToken ct = default)
    {
        await CheckAsync(db, file, ct);
        if (db.IsPostgres)
        {
            await using (var conn = new NpgsqlConnection(db.ConnectionString))
            {
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", conn);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(db.ConnectionString).Database!;
            await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", name, file], db.ConnectionString, ct);
            return;
        }
        SqliteConnection.ClearAllPools();
        await using var source = new SqliteConnection(FileConnection(file, readOnly: true));
        await using var live = new SqliteConnection(db.ConnectionString);
        await source.OpenAsync(ct);
        await live.OpenAsync(ct);
        source.BackupDatabase(live);
    }

    static string FileConnection(string file, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = file, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    /// <summary>Runs a PostgreSQL client tool with the connection in its environment (no password on the command line); answers its output.</summary>
    static async Task<string> RunAsync(string tool, string[] args, string? connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (connectionString is not null)
        {
            var cs = new NpgsqlConnectionStringBuilder(connectionString);
            if (cs.Host is { Length: > 0 } host) start.Environment["PGHOST"] = host;
            start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (cs.Username is { Length: > 0 } user) start.Environment["PGUSER"] = user;
            if (cs.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
            if (cs.Database is { Length: > 0 } database) start.Environment["PGDATABASE"] = database;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {tool}。");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        return await output;
    }

    /// <summary>On PATH, else the newest of /usr/lib/postgresql/*/bin (Debian's server packages put them there).</summary>
    static string FindTool(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, tool))) return Path.Combine(dir, tool);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException($"找不到 {tool}：请安装 PostgreSQL 客户端（postgresql-client）或把它所在目录加入 PATH。");
    }
}
