// Members import bench (issue 3): importing N members from an .xlsx must stay within 3x of a raw bulk
// insert of the same rows on the same provider. Usage:
//   dotnet run -c Release --project bench/MembersImport -- [Sqlite|Postgres] [rows] [postgres-connection-string]
using System.Data.Common;
using System.Diagnostics;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
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
var result = await ImportMembers.HandleAsync(db, pd, clock, new MemoryStream(workbook), CancellationToken.None);
var import = sw.Elapsed;
Console.WriteLine($"import: {result.Value?.Imported:N0} imported, {result.Value?.Rejected.Count:N0} rejected in {import.TotalSeconds:N1}s");

// The baseline: the same member rows (already parsed and encrypted) inserted raw into the same table in one transaction.
var branchRows = await db.OrgUnits.Where(u => u.Kind == OrgKind.Branch).Select(u => new { u.Id, u.Path, u.Name }).ToListAsync();
var members = Enumerable.Range(0, rows).Select(i =>
{
    var id = CitizenId.Make("330198", new DateOnly(1960, 1, 1).AddDays(i / 1000), i % 1000);
    var b = branchRows[i % branchRows.Count];
    return (Id: Guid.CreateVersion7(), Name: $"基线{i}", Cipher: pd.Encrypt(id), Hash: pd.Hash(id), Phone: $"138{i:00000000}", b.Id, b.Path);
}).ToList();
var conn = db.Database.GetDbConnection();
await conn.OpenAsync();
sw.Restart();
var now = DateTime.UtcNow;
var tenant = tenancy.DefaultTenantId;
if (provider == "Postgres")
{
    await using var writer = await ((Npgsql.NpgsqlConnection)conn).BeginBinaryImportAsync(
        "COPY mem_members (\"Id\",\"TenantId\",\"Name\",\"Gender\",\"Ethnicity\",\"BirthDate\",\"IdNumberCipher\",\"IdNumberHash\",\"Phone\",\"Education\",\"JoinedOn\",\"FullMemberOn\",\"Category\",\"Status\",\"StatusSince\",\"BranchId\",\"OrgPath\",\"Workplace\",\"Employment\",\"CreatedAt\",\"Version\") FROM STDIN (FORMAT BINARY)");
    foreach (var m in members)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(m.Id); await writer.WriteAsync(tenant); await writer.WriteAsync(m.Name); await writer.WriteAsync("Male"); await writer.WriteAsync("汉族");
        await writer.WriteAsync(new DateOnly(1960, 1, 1)); await writer.WriteAsync(m.Cipher); await writer.WriteAsync(m.Hash); await writer.WriteAsync(m.Phone); await writer.WriteAsync("大学本科");
        await writer.WriteAsync(new DateOnly(2010, 7, 1)); await writer.WriteAsync(new DateOnly(2011, 7, 1)); await writer.WriteAsync("Full"); await writer.WriteAsync("Normal");
        await writer.WriteAsync(new DateOnly(2026, 1, 1)); await writer.WriteAsync(m.Item6); await writer.WriteAsync(m.Path); await writer.WriteAsync("青禾区教育局"); await writer.WriteAsync("InService");
        await writer.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz); await writer.WriteAsync(0);
    }
    await writer.CompleteAsync();
}
else
{
    await using var tx = await conn.BeginTransactionAsync();
    await using var cmd = conn.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = "INSERT INTO mem_members (Id,TenantId,Name,Gender,Ethnicity,BirthDate,IdNumberCipher,IdNumberHash,Phone,Education,JoinedOn,FullMemberOn,Category,Status,StatusSince,BranchId,OrgPath,Workplace,Employment,CreatedAt,Version) VALUES ($id,$t,$n,'Male','汉族','1960-01-01',$c,$h,$p,'大学本科','2010-07-01','2011-07-01','Full','Normal','2026-01-01',$b,$path,'青禾区教育局','InService',$at,0)";
    DbParameter P(string name) { var p = cmd.CreateParameter(); p.ParameterName = name; cmd.Parameters.Add(p); return p; }
    var (pid, pt, pn, pc, ph, pp, pb, ppath, pat) = (P("$id"), P("$t"), P("$n"), P("$c"), P("$h"), P("$p"), P("$b"), P("$path"), P("$at"));
    foreach (var m in members)
    {
        pid.Value = m.Id.ToString().ToUpperInvariant(); pt.Value = tenant.ToString().ToUpperInvariant(); pn.Value = m.Name; pc.Value = m.Cipher; ph.Value = m.Hash; pp.Value = m.Phone;
        pb.Value = m.Item6.ToString().ToUpperInvariant(); ppath.Value = m.Path; pat.Value = now.ToString("O");
        await cmd.ExecuteNonQueryAsync();
    }
    await tx.CommitAsync();
}
var raw = sw.Elapsed;
Console.WriteLine($"raw bulk insert: {rows:N0} rows in {raw.TotalSeconds:N1}s");
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
