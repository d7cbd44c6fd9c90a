using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Cli;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianxin.Tests.Platform;

/// <summary><c>backup</c> / <c>restore</c> / <c>verify-backup</c> on this run's provider (ADR 0029): the demo database, copied into an empty one.</summary>
[Collection(AppCollection.Name)]
public class BackupRestoreTests(LianxinApp app)
{
    static readonly string Dir = Path.Combine(Path.GetTempPath(), "lianxin-tests");

    static DatabaseOptions On(string cs) => new() { Provider = TestDatabase.Provider, ConnectionString = cs };

    static LianxinDb Open(string cs, Guid tenant)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        return new LianxinDb(b.Options, new OrgScope().AsSystem(tenant), new ModuleCatalog(Program.Modules));
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_has_every_table_row_for_row_and_its_audit_chain_verifies()
    {
        await app.PagesAs("admin"); // the chain has at least a sign-in
        var tenant = app.Services.GetRequiredService<Tenancy>().DefaultTenantId;
        var file = Path.Combine(Dir, $"backup-{Guid.NewGuid():N}.bak");
        await DatabaseBackup.BackupAsync(On(app.ConnectionString), file);
        await DatabaseBackup.CheckAsync(On(app.ConnectionString), file);
        Assert.False(File.Exists(file + ".partial"));

        var copy = TestDatabase.Create();
        await DatabaseBackup.RestoreAsync(On(copy), file);

        await using var source = Open(app.ConnectionString, tenant);
        await using var restored = Open(copy, tenant);
        var want = await TableSnapshot.TakeAsync(source.Database.GetDbConnection());
        var got = await TableSnapshot.TakeAsync(restored.Database.GetDbConnection());
        Assert.True(want.Count > 50, $"only {want.Count} tables");
        Assert.True(want["aud_entries"].Rows > 0);
        Assert.Equal(want, got);

        // What restore does after copying: a signed restore marker at the restored head, then the chain verifies.
        var keys = app.Services.GetRequiredService<AuditKeys>();
        var checkpoints = new AuditCheckpoints(new AuditOptions { CheckpointFile = Path.Combine(Dir, $"restore-{Guid.NewGuid():N}.checkpoints") }, keys, NullLogger<AuditCheckpoints>.Instance);
        var report = await AuditRestore.MarkAndVerifyAsync(restored, checkpoints, new AuditChain(keys, checkpoints), TimeProvider.System);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal((want["aud_entries"].Rows, 1), (report.Checked, report.Checkpoints));
        File.Delete(file);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_the_database_is_touched()
    {
        var file = Path.Combine(Dir, $"broken-{Guid.NewGuid():N}.bak");
        await File.WriteAllTextAsync(file, "这不是备份文件");
        var target = TestDatabase.Create();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseBackup.RestoreAsync(On(target), file));
        Assert.Matches("损坏|失败|不是连心", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseBackup.CheckAsync(On(target), Path.Combine(Dir, "missing.bak")));
        File.Delete(file);
    }
}
