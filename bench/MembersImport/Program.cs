using Lianxin.Web.Modules.Organizations.Data;
// Members import bench (issue 3): importing N members from an .xlsx must stay within 3x of a raw bulk
// insert of the same rows on the same provider. Usage:
//   dotnet run -c Release --project bench/MembersImport -- [Sqlite|Postgres] [rows] [postgres-connection-string]
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

var provider = args.ElementAtOrDefault(0) ?? "Sqlite";
var rows = int.Parse(args.ElementAtOrDefault(1) ?? "100000");
var folder = Path.Combine(Path.GetTempPath(), "lianxin-bench");
Directory.CreateDirectory(folder);
var connection = provider == "Postgres"
    ? (args.ElementAtOrDefault(2) ?? throw new ArgumentException("PostgreSQL needs a connection string")) + $";Database=bench_{DateTime.UtcNow:HHmmss}"
    : $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
if (provider == "Postgres")
{
    // Create the database on the server's default one.
    var admin = args[2] + ";Database=postgres";
    await using var c = new Npgsql.NpgsqlConnection(admin);
    await c.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = $"CREATE DATABASE {new Npgsql.NpgsqlConnectionStringBuilder(connection).Database}";
    await cmd.ExecuteNonQueryAsync();
}

await using var app = new BenchApp(provider, connection);
using var scope = app.Services.CreateScope();
var sp = scope.ServiceProvider;
var tenancy = sp.GetRequiredService<Tenancy>();
sp.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId, suppressAudit: Environment.GetEnvironmentVariable("BENCH_NO_AUDIT") == "1");
var db = sp.GetRequiredService<LianxinDb>();
var pd = sp.GetRequiredService<PersonalData>();
var clock = sp.GetRequiredService<TimeProvider>();
var branches = await db.OrgUnits.Where(u => u.Kind == OrgKind.Branch).Select(u => u.Name).ToListAsync();

Console.WriteLine($"provider {provider}, {rows:N0} rows, {branches.Count} branches");
IReadOnlyList<object?> Row(int i, string region) =>
[
    $"测试{i}", CitizenId.Make(region, new DateOnly(1960, 1, 1).AddDays(i / 1000), i % 1000), "汉族", $"139{i:00000000}", "大学本科",
    "2010-07-01", "2011-07-01", "正式党员", branches[i % branches.Count], "", "", "青禾区教育局", "在职", "",
];
var sw = Stopwatch.StartNew();
var workbook = Xlsx.Write("导入", ImportMembers.Headers, Enumerable.Range(0, rows).Select(i => Row(i, "330197")));
Console.WriteLine($"workbook written: {workbook.Length / 1024:N0} KB in {sw.Elapsed.TotalSeconds:N1}s");

sw.Restart();
var read = Xlsx.Read(new MemoryStream(workbook));
Console.WriteLine($"  (reading the workbook alone: {read.Count:N0} rows in {sw.Elapsed.TotalSeconds:N1}s)");
sw.Restart();
foreach (var r in read) { var x = pd.Hash(r["公民身份号码"]); pd.Encrypt(r["公民身份号码"]); }
Console.WriteLine($"  (hash + encrypt alone: {sw.Elapsed.TotalSeconds:N1}s)");
sw.Restart();
var result = await ImportMembers.HandleAsync(db, sp.GetRequiredService<OrgDirectory>(), sp.GetRequiredService<PlaceDirectory>(), pd, clock, new MemoryStream(workbook), CancellationToken.None);
var import = sw.Elapsed;
Console.WriteLine($"import: {result.Value?.Imported:N0} imported, {result.Value?.Rejected.Count:N0} rejected in {import.TotalSeconds:N1}s");

// The baseline: the same rows the import stores (members, their transfer and status rows), already parsed and
// encrypted, written raw in one transaction: binary COPY on PostgreSQL, one reused prepared INSERT on SQLite.
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
    var m = new Member
    {
        TenantId = tenant, Name = $"基线{i}", Gender = Gender.Male, Ethnicity = "汉族", BirthDate = new DateOnly(1960, 1, 1), IdNumberCipher = pd.Encrypt(id), IdNumberHash = pd.Hash(id),
        Phone = $"138{i:00000000}", Education = "大学本科", JoinedOn = new DateOnly(2010, 7, 1), FullMemberOn = new DateOnly(2011, 7, 1), Category = MemberCategory.Full,
        Status = MemberStatus.Normal, StatusSince = today, BranchId = b.Id, OrgPath = b.Path, Workplace = "青禾区教育局", Employment = Employment.InService, CreatedAt = now,
    };
    members.Add(m);
    transfers.Add(new MemberTransfer { TenantId = tenant, MemberId = m.Id, OrgPath = b.Path, Kind = TransferKind.Joined, ToBranchId = b.Id, ToPath = b.Path, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = "system" });
    statuses.Add(new MemberStatusChange { TenantId = tenant, MemberId = m.Id, OrgPath = b.Path, To = MemberStatus.Normal, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = "system" });
}
var conn = db.Database.GetDbConnection();
if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
sw.Restart();
await using (var tx = await conn.BeginTransactionAsync())
{
    await Raw.WriteAsync(db, conn, tx, members);
    await Raw.WriteAsync(db, conn, tx, transfers);
    await Raw.WriteAsync(db, conn, tx, statuses);
    await tx.CommitAsync();
}
var raw = sw.Elapsed;
Console.WriteLine($"raw bulk insert: {rows:N0} members with their transfer and status rows in {raw.TotalSeconds:N1}s");
Console.WriteLine($"ratio import / raw = {import.TotalSeconds / raw.TotalSeconds:N2} (target <= 3)");
return 0;

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
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "lianxin-bench", "keys"));
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
