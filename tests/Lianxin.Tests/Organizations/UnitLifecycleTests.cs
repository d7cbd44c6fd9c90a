using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lianxin.Tests.Organizations;

/// <summary>
/// The unit-lifecycle seam (ADR 0016): a move rewrites every module's rows with one UPDATE per table inside the move's
/// transaction, and a dissolution asks every module what it still holds. On its own database: the move below adds
/// 100,000 households that no other test should count.
/// </summary>
public class UnitLifecycleTests(LianxinApp app) : IClassFixture<LianxinApp>
{
    [Fact]
    public void Every_scoped_table_of_every_module_is_rebased_by_its_module()
    {
        var rebased = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var tables = new List<string>();
            foreach (var handler in sp.GetServices<IUnitLifecycle>())
                tables.AddRange(handler.RebaseAsync(db, "/nowhere/", "/elsewhere/", default).GetAwaiter().GetResult().Keys);
            return tables;
        });
        var scoped = app.WithDb(db => db.Model.GetEntityTypes()
            .Where(t => typeof(IOrgScoped).IsAssignableFrom(t.ClrType) && t.ClrType != typeof(OrgUnit))
            .Select(t => t.GetTableName()!).ToList());
        Assert.Empty(scoped.Except(rebased));
        Assert.Equal(rebased.Count, rebased.Distinct().Count());
    }

    [Fact]
    public async Task Moving_a_community_with_100000_households_moves_them_all_in_one_go_and_audits_the_counts()
    {
        var (community, target, rows) = app.WithDb(db =>
        {
            var c = db.OrgUnits.Single(u => u.ShortName == "光明社区党委");
            var street = db.OrgUnits.Single(u => u.Id == c.ParentId);
            var other = db.OrgUnits.First(u => u.Kind == Lianxin.Web.Modules.Organizations.Contracts.OrgKind.Street && u.Id != street.Id);
            var building = db.Buildings.First(b => b.OrgPath.StartsWith(c.Path));
            // 100,000 households under the community, written by the database itself.
            var tenant = c.TenantId;
            var sql = TestDatabase.IsPostgres
                ? $"""
                  INSERT INTO org_households ("Id", "TenantId", "BuildingId", "OrgPath", "Unit", "Room", "Residents")
                  SELECT gen_random_uuid(), '{tenant}', '{building.Id}', '{building.OrgPath}', '9', 'R' || n, 2 FROM generate_series(1, 100000) n
                  """
                : $"""
                  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                  INSERT INTO org_households ("Id", "TenantId", "BuildingId", "OrgPath", "Unit", "Room", "Residents")
                  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                         '{tenant.ToString().ToUpperInvariant()}', '{building.Id.ToString().ToUpperInvariant()}', '{building.OrgPath}', '9', 'R' || i, 2 FROM n
                  """;
            db.Database.ExecuteSqlRaw(sql);
            db.Demand(c); // handled at the community: its handler's path moves too
            return (c, other, db.Households.AcrossScope().Count(h => h.OrgPath.StartsWith(c.Path)));
        });
        Assert.True(rows >= 100_000);

        var api = await app.ApiAs("admin");
        var move = await api.PostAsJsonAsync($"/api/v1/org/units/{community.Id}/move", new { newParentId = target.Id, version = community.Version });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var newPath = $"{target.Path}{community.Id:N}/";
        app.WithDb(db =>
        {
            Assert.Equal(0, db.Households.AcrossScope().Count(h => h.OrgPath.StartsWith(community.Path)));
            Assert.Equal(rows, db.Households.AcrossScope().Count(h => h.OrgPath.StartsWith(newPath)));
            Assert.False(db.Demands.AcrossScope().Any(d => d.HandlerPath.StartsWith(community.Path) || d.OrgPath.StartsWith(community.Path)));
            Assert.True(db.Demands.AcrossScope().Any(d => d.HandlerPath.StartsWith(newPath)));
            // One entry for the move with the counts, not 100,000 row entries.
            var entry = db.AuditEntries.Single(e => e.Entity == "OrgUnitMove" && e.EntityId == community.Id.ToString());
            Assert.Contains($"\"org_households\":{rows}", entry.After);
            Assert.Equal(0, db.AuditEntries.Count(e => e.Entity == "Household" && e.At >= entry.At));
            return 0;
        });
        var report = await api.GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
        Assert.True(report!.Intact, report.FirstBreak?.Reason);
    }

    [Fact]
    public async Task A_branch_is_dissolved_only_once_its_members_have_left_and_a_community_only_once_its_demands_are_done()
    {
        var (branch, member, community, demand) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            var street = db.OrgUnits.Single(u => u.Id == heping.ParentId);
            var b = db.Unit(heping, OrgKind.Branch, "待撤销测试支部");
            var m = db.Member(sp.GetRequiredService<Lianxin.Web.Platform.Privacy.PersonalData>(), b);
            var c = db.Unit(street, OrgKind.Community, "待撤销测试社区");
            var d = db.Demand(c);
            return (b, m, c, d);
        });
        var api = await app.ApiAs("street");
        async Task<HttpResponseMessage> Dissolve(Guid id) => await api.PostAsJsonAsync($"/api/v1/org/units/{id}/dissolve",
            new { reason = "区划调整", version = app.WithDb(db => db.OrgUnits.Single(u => u.Id == id).Version) });

        var refused = await Dissolve(branch.Id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 名在册党员", await refused.Content.ReadAsStringAsync());
        Assert.Equal(OrgStatus.Active, app.WithDb(db => db.OrgUnits.Single(u => u.Id == branch.Id).Status));
        var busy = await Dissolve(community.Id);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("1 件在办诉求", await busy.Content.ReadAsStringAsync());

        // The member has left the roster, the demand is done: now both may go.
        app.WithDb(db => db.Members.Where(m => m.Id == member.Id).ExecuteUpdate(x => x.SetProperty(m => m.Status, MemberStatus.TransferredOut)));
        app.WithDb(db => db.Demands.Where(d => d.Id == demand.Id).ExecuteUpdate(x => x.SetProperty(d => d.State, DemandState.Closed)));
        Assert.Equal(HttpStatusCode.OK, (await Dissolve(branch.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Dissolve(community.Id)).StatusCode);
    }
}
