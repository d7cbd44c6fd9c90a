using Lianxin.Migrations;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianxin.Tests.Platform;

/// <summary>
/// A database as an installation of schema 0044 left it (the migrations up to 0044 and a small seed of that era, written
/// with that schema's columns), upgraded with today's migrations: nothing lost, the current model reads it, and its
/// unkeyed audit chain still verifies and is continued with keyed entries (ADR 0029).
/// </summary>
public class UpgradeTests
{
    const string Fixture = "0044_org_unit_counts";
    static readonly string Provider = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
    static readonly Guid Tenant = Guid.Parse("0190a000-0000-7000-8000-000000000001"), Street = Guid.Parse("0190a000-0000-7000-8000-000000000002"), Community = Guid.Parse("0190a000-0000-7000-8000-000000000003");
    static readonly DateTime At = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    static readonly AuditKeys Keys = new(new Dictionary<int, byte[]> { [1] = Enumerable.Repeat((byte)9, 32).ToArray() }, 1);

    static LianxinDb Open(string cs, bool audited = false)
    {
        var b = new DbContextOptionsBuilder<LianxinDb>();
        if (TestDatabase.IsPostgres) b.UseNpgsql(cs); else b.UseSqlite(cs);
        if (audited) b.AddInterceptors(new AuditInterceptor(TimeProvider.System, new HttpContextAccessor(), Keys));
        return new LianxinDb(b.Options, new OrgScope().AsSystem(Tenant), new ModuleCatalog(Program.Modules));
    }

    [Fact]
    public async Task A_database_of_schema_0044_upgrades_to_the_current_schema_with_nothing_lost()
    {
        var cs = TestDatabase.Create();
        await using (var old = Open(cs))
        {
            await old.Database.OpenConnectionAsync();
            var applied = await MigrationRunner.ApplyAsync(old.Database.GetDbConnection(), Provider, until: Fixture);
            Assert.Equal(Fixture, applied[^1]);
            await SeedAsync(old);
        }
        Dictionary<string, long> before;
        await using (var old = Open(cs)) before = (await TableSnapshot.TakeAsync(old.Database.GetDbConnection())).ToDictionary(t => t.Key, t => t.Value.Rows);

        await using var db = Open(cs);
        await db.Database.OpenConnectionAsync();
        var upgrade = await MigrationRunner.ApplyAsync(db.Database.GetDbConnection(), Provider);
        Assert.Contains("0047_audit_key_version", upgrade);
        Assert.DoesNotContain(upgrade, n => string.CompareOrdinal(n, Fixture) <= 0);

        var after = await TableSnapshot.TakeAsync(db.Database.GetDbConnection());
        // org_unit_counts is derived: 0055 (ADR 0054) gives every active unit its row, counting itself by kind.
        Assert.All(before.Where(t => t.Key != MigrationRunner.HistoryTable && t.Key != "org_unit_counts"), t => Assert.Equal((t.Key, t.Value), (t.Key, after[t.Key].Rows)));
        var counted = await db.Set<Lianxin.Web.Modules.Organizations.Domain.UnitCounts>().IgnoreQueryFilters().ToListAsync();
        Assert.Equal((3, 1, 1, 1), (counted.Count, counted.Sum(c => c.ActiveDistricts), counted.Sum(c => c.ActiveStreets), counted.Sum(c => c.ActiveCommunities)));
        // The current model reads the old rows as they were written.
        var units = await db.OrgUnits.IgnoreQueryFilters().OrderBy(u => u.Depth).Select(u => new { u.Name, u.Path, u.Kind }).ToListAsync();
        Assert.Equal(["旧区", "旧街道", "旧社区"], units.Select(u => u.Name));
        Assert.Equal($"/{Tenant}/{Street}/{Community}/", units[2].Path);
        Assert.Equal("旧区", (await db.Tenants.SingleAsync()).Name);
        var entries = await db.AuditEntries.OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal([0, 0, 0], entries.Select(e => e.KeyVersion));
        Assert.Equal(Community.ToString(), entries[2].EntityId);

        // The unkeyed chain verifies as version 0, and new entries continue it signed with the key.
        var checkpoints = new AuditCheckpoints(new AuditOptions(), Keys, NullLogger<AuditCheckpoints>.Instance);
        Assert.True((await new AuditChain(Keys, checkpoints).VerifyAsync(db)).Intact);
        await using (var writer = Open(cs, audited: true))
        {
            writer.AuditEntries.Add(new AuditEntry { TenantId = Tenant, UserName = "admin", Entity = "Account", EntityId = "admin", Action = AuditAction.SignIn });
            await writer.SaveChangesAsync();
        }
        var report = await new AuditChain(Keys, checkpoints).VerifyAsync(db);
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(4, report.Checked);
        Assert.Equal(1, await db.AuditEntries.Where(e => e.Seq == 4).Select(e => e.KeyVersion).SingleAsync());
    }

    /// <summary>The fixture: a district, a street and a community, and the three unkeyed audit entries their creation wrote, in 0044's columns.</summary>
    static async Task SeedAsync(LianxinDb db)
    {
        await db.Database.ExecuteSqlAsync($"INSERT INTO plt_tenants (\"Id\", \"Name\", \"CreatedAt\") VALUES ({Tenant}, {"旧区"}, {At})");
        var units = new[] { (Tenant, (Guid?)null, $"/{Tenant}/", 0, "District", "旧区"), (Street, Tenant, $"/{Tenant}/{Street}/", 1, "Street", "旧街道"), (Community, Street, $"/{Tenant}/{Street}/{Community}/", 2, "Community", "旧社区") };
        var prev = "";
        long seq = 0;
        foreach (var (id, parent, path, depth, kind, name) in units)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO org_units ("Id", "ParentId", "Path", "Depth", "Kind", "BranchKind", "Name", "ShortName", "Code", "Status", "SortOrder", "Version", "TenantId")
                VALUES ({id}, {parent}, {path}, {depth}, {kind}, {"None"}, {name}, {name}, {"OLD" + depth}, {"Active"}, {depth}, {0}, {Tenant})
                """);
            var e = new AuditEntry { TenantId = Tenant, Seq = ++seq, At = At.AddMinutes(seq), UserName = "admin", Entity = "OrgUnit", EntityId = id.ToString(), Action = AuditAction.Insert, After = $"{{\"Name\":\"{name}\"}}", PrevHash = prev };
            e.Hash = AuditHash.Compute(e, Keys); // KeyVersion 0: the unkeyed SHA-256 that schema 0044 wrote
            prev = e.Hash;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO aud_entries ("Id", "TenantId", "Seq", "At", "UserId", "UserName", "Entity", "EntityId", "Action", "Before", "After", "Ip", "PrevHash", "Hash")
                VALUES ({e.Id}, {e.TenantId}, {e.Seq}, {e.At}, {e.UserId}, {e.UserName}, {e.Entity}, {e.EntityId}, {"Insert"}, {e.Before}, {e.After}, {e.Ip}, {e.PrevHash}, {e.Hash})
                """);
        }
    }
}
