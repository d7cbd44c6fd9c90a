using Lianxin.Web.Modules.Organizations.Data;
// Members import bench (issue 3): importing N members from an .xlsx must stay within 3x of a raw bulk
// insert of the same rows on the same provider. Usage:
//   dotnet run -c Release --project bench/MembersImport -- [Sqlite|Postgres] [rows] [postgres-connection-string] [--samples N]
using System.Data.Common;
using System.Diagnostics;
using Lianxin.Web.Modules.Members.Domain;
using Microsoft.EntityFrameworkCore.Metadata;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// --samples N (default 3) repeats the measurement; every sample imports into a fresh database and writes the raw rows
// into another fresh database (same migrations, same demo district), so neither side meets the other's rows. The order of
// the two alternates between samples so that a drift in the machine's load does not favour one side.
var samples = 3;
var positional = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--samples") samples = int.Parse(args[++i]);
    else positional.Add(args[i]);
}
var provider = positional.ElementAtOrDefault(0) ?? "Sqlite";
var rows = int.Parse(positional.ElementAtOrDefault(1) ?? "100000");
var server = positional.ElementAtOrDefault(2);
if (provider == "Postgres" && server is null) throw new ArgumentException("PostgreSQL needs a connection string");
var folder = Path.Combine(Path.GetTempPath(), "lianxin-bench");
Directory.CreateDirectory(folder);
Console.WriteLine($"provider {provider}, {rows:N0} rows, {samples} samples");

byte[]? workbook = null;
var results = new List<(double Import, double Raw)>();
for (var sample = 1; sample <= samples; sample++)
{
    double import = 0, raw = 0;
    foreach (var side in sample % 2 == 1 ? new[] { "import", "raw" } : ["raw", "import"])
    {
        await using var fresh = await FreshDatabase.CreateAsync(provider, server, folder);
        if (side == "import") import = await ImportAsync(fresh.Connection);
        else raw = await RawAsync(fresh.Connection);
    }
    results.Add((import, raw));
    Console.WriteLine($"sample {sample}: import {import:N1}s, raw {raw:N1}s, ratio {import / raw:N2}");
}
string Spread(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    var median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    return $"{median:N2} ({v[0]:N2}–{v[^1]:N2})";
}
Console.WriteLine($"import s {Spread(results.Select(r => r.Import))}; raw s {Spread(results.Select(r => r.Raw))}; " +
                  $"ratio import / raw {Spread(results.Select(r => r.Import / r.Raw))} (target <= 3); median (min–max) of {samples} samples");
return 0;

// The import as the page and the API run it, into a fresh database holding only the demo district.
async Task<double> ImportAsync(string connection)
{
    await using var app = new BenchApp(provider, connection);
    using var scope = app.Services.CreateScope();
    var sp = scope.ServiceProvider;
    var tenancy = sp.GetRequiredService<Tenancy>();
    sp.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId, suppressAudit: Environment.GetEnvironmentVariable("BENCH_NO_AUDIT") == "1");
    var db = sp.GetRequiredService<LianxinDb>();
    var pd = sp.GetRequiredService<PersonalData>();
    if (workbook is null)
    {
        var branches = await db.OrgUnits.Where(u => u.Kind == OrgKind.Branch).Select(u => u.Name).ToListAsync();
        IReadOnlyList<object?> Row(int i, string region) =>
        [
            $"测试{i}", CitizenId.Make(region, new DateOnly(1960, 1, 1).AddDays(i / 1000), i % 1000), "汉族", $"139{i:00000000}", "大学本科",
            "2010-07-01", "2011-07-01", "正式党员", branches[i % branches.Count], "", "", "青禾区教育局", "在职", "",
        ];
        var w = Stopwatch.StartNew();
        workbook = Xlsx.Write("导入", ImportMembers.Headers, Enumerable.Range(0, rows).Select(i => Row(i, "330197")));
        Console.WriteLine($"workbook written ({branches.Count} branches): {workbook.Length / 1024:N0} KB in {w.Elapsed.TotalSeconds:N1}s");
        w.Restart();
        var read = Xlsx.Read(new MemoryStream(workbook));
        Console.WriteLine($"  (reading the workbook alone: {read.Count:N0} rows in {w.Elapsed.TotalSeconds:N1}s)");
        w.Restart();
        foreach (var r in read) { _ = pd.Hash(r["公民身份号码"]); pd.Encrypt(r["公民身份号码"]); }
        Console.WriteLine($"  (hash + encrypt alone: {w.Elapsed.TotalSeconds:N1}s)");
    }
    var sw = Stopwatch.StartNew();
    var result = await ImportMembers.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<PlaceDirectory>(), pd, sp.GetRequiredService<TimeProvider>(),
        new MemoryStream(workbook), CancellationToken.None);
    var seconds = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"  import: {result.Value?.Imported:N0} imported, {result.Value?.Rejected.Count:N0} rejected in {seconds:N1}s");
    if (result.Value?.Imported != rows) throw new InvalidOperationException("the import did not take every row");
    return seconds;
}

// The baseline: the same rows the import stores (members, their transfer and status rows), already parsed and encrypted
// (not timed), written raw in one transaction into the empty tables of a fresh database: binary COPY on PostgreSQL, one
// reused prepared INSERT on SQLite.
async Task<double> RawAsync(string connection)
{
    await using var app = new BenchApp(provider, connection);
    using var scope = app.Services.CreateScope();
    var sp = scope.ServiceProvider;
    var tenancy = sp.GetRequiredService<Tenancy>();
    sp.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId);
    var db = sp.GetRequiredService<LianxinDb>();
    var pd = sp.GetRequiredService<PersonalData>();
    var branchRows = await db.OrgUnits.Where(u => u.Kind == OrgKind.Branch).Select(u => new { u.Id, u.Path }).ToListAsync();
    var now = DateTime.UtcNow;
    var today = DateOnly.FromDateTime(now);
    var tenant = tenancy.DefaultTenantId;
    var members = new List<Member>(rows);
    var transfers = new List<MemberTransfer>(rows);
    var statuses = new List<MemberStatusChange>(rows);
    for (var i = 0; i < rows; i++)
    {
        var id = CitizenId.Make("330198", new DateOnly(1960, 1, 1).AddDays(i / 1000), i % 1000);
        var b = branchRows[i % branchRows.Count];
        var (phoneCipher, phoneHash) = pd.Seal($"138{i:00000000}");
        var m = new Member
        {
            TenantId = tenant, Name = $"基线{i}", Gender = Gender.Male, Ethnicity = "汉族", BirthDate = new DateOnly(1960, 1, 1), IdNumberCipher = pd.Encrypt(id), IdNumberHash = pd.Hash(id),
            PhoneCipher = phoneCipher, PhoneHash = phoneHash, Education = "大学本科", JoinedOn = new DateOnly(2010, 7, 1), FullMemberOn = new DateOnly(2011, 7, 1), Category = MemberCategory.Full,
            Status = MemberStatus.Normal, StatusSince = today, BranchId = b.Id, OrgPath = b.Path, Workplace = "青禾区教育局", Employment = Employment.InService, CreatedAt = now,
        };
        members.Add(m);
        transfers.Add(new MemberTransfer { TenantId = tenant, MemberId = m.Id, OrgPath = b.Path, Kind = TransferKind.Joined, ToBranchId = b.Id, ToPath = b.Path, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = "system" });
        statuses.Add(new MemberStatusChange { TenantId = tenant, MemberId = m.Id, OrgPath = b.Path, To = MemberStatus.Normal, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = "system" });
    }
    var conn = db.Database.GetDbConnection();
    if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
    var sw = Stopwatch.StartNew();
    await using (var tx = await conn.BeginTransactionAsync())
    {
        await Raw.WriteAsync(db, conn, tx, members);
        await Raw.WriteAsync(db, conn, tx, transfers);
        await Raw.WriteAsync(db, conn, tx, statuses);
        await tx.CommitAsync();
    }
    var seconds = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"  raw bulk insert: {rows:N0} members with their transfer and status rows in {seconds:N1}s");
    return seconds;
}

/// <summary>A new empty database for one side of one sample (a SQLite file or a PostgreSQL database), removed afterwards.</summary>
sealed class FreshDatabase : IAsyncDisposable
{
    public string Connection { get; }
    readonly string? server, name, file;

    FreshDatabase(string connection, string? server, string? name, string? file) => (Connection, this.server, this.name, this.file) = (connection, server, name, file);

    public static async Task<FreshDatabase> CreateAsync(string provider, string? server, string folder)
    {
        if (provider != "Postgres")
        {
            var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            return new FreshDatabase($"Data Source={path}", null, null, path);
        }
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        await Admin(server!, $"CREATE DATABASE {name}");
        return new FreshDatabase(server + $";Database={name}", server, name, null);
    }

    static async Task Admin(string server, string sql)
    {
        await using var c = new Npgsql.NpgsqlConnection(server + ";Database=postgres");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (name is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await Admin(server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        if (file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
        }
    }
}

// Any type of the web assembly names its entry point; "Program" here would be this bench's own.
class BenchApp(string provider, string connection) : WebApplicationFactory<LianxinDb>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Lianxin.Web"))) dir = dir.Parent;
        builder.UseContentRoot(Path.Combine(dir!.FullName, "src", "Lianxin.Web"));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connection);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

static class Raw
{
    /// <summary>The fastest plain write each provider offers, columns and conversions taken from the EF model.</summary>
    public static async Task WriteAsync<T>(LianxinDb db, DbConnection conn, DbTransaction tx, List<T> rows) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, null);
        var props = type.GetProperties().ToList();
        var columns = string.Join(",", props.Select(p => "\"" + p.GetColumnName(table) + "\""));
        var mappings = props.Select(p => (Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();
        if (conn is Npgsql.NpgsqlConnection pg)
        {
            await using var writer = await pg.BeginBinaryImportAsync($"COPY {type.GetTableName()} ({columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                for (var c = 0; c < props.Count; c++)
                {
                    var v = props[c].GetGetter().GetClrValue(row);
                    v = v is null ? null : mappings[c].Converter?.ConvertToProvider(v) ?? v;
                    if (v is null) await writer.WriteNullAsync();
                    else if (v is DateTime dt) await writer.WriteAsync(dt, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    else await writer.WriteAsync(v);
                }
            }
            await writer.CompleteAsync();
            return;
        }
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{type.GetTableName()}\" ({columns}) VALUES ({string.Join(",", props.Select((_, i) => "@p" + i))})";
        foreach (var row in rows)
        {
            cmd.Parameters.Clear();
            for (var c = 0; c < props.Count; c++) cmd.Parameters.Add(mappings[c].CreateParameter(cmd, "@p" + c, props[c].GetGetter().GetClrValue(row), props[c].IsNullable));
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
