using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using System.Net;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class PathQueryTests(LianxinApp app)
{
    [Fact]
    public async Task A_user_with_roles_in_two_communities_sees_both_and_nothing_else()
    {
        var communities = app.WithDb(db => db.OrgUnits.Where(u => u.Kind == OrgKind.Community).OrderBy(u => u.Code).Take(3).ToList());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "tworoots", DisplayName = "两个社区", TenantId = communities[0].TenantId };
            Assert.True((await users.CreateAsync(user, DemoSetup.Password)).Succeeded);
            app.WithDb(db =>
            {
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.CommunityStaff, OrgUnitId = communities[0].Id, OrgPath = communities[0].Path });
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.CommunityStaff, OrgUnitId = communities[1].Id, OrgPath = communities[1].Path });
                return db.SaveChanges();
            });
        }
        var api = await app.ApiAs("tworoots");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/org/units/{communities[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/org/units/{communities[1].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/org/units/{communities[2].Id}")).StatusCode);
    }

    [Fact]
    public void LIKE_is_case_sensitive_on_both_providers()
    {
        var (upper, lower) = app.WithDb(db => (
            db.OrgUnits.Count(u => EF.Functions.Like(u.Code, "QH%")),
            db.OrgUnits.Count(u => EF.Functions.Like(u.Code, "qh%"))));
        Assert.True(upper > 0);
        Assert.Equal(0, lower);
    }

    [Fact]
    public void A_subtree_query_answers_exactly_the_subtree_on_both_providers()
    {
        var (inSubtree, expected, all) = app.WithDb(db =>
        {
            // A demo community with households (other tests add communities of their own, some without any).
            var households = db.Households;
            var root = db.OrgUnits.Where(u => u.Kind == OrgKind.Community && households.Any(h => h.OrgPath.StartsWith(u.Path)))
                .OrderBy(u => u.Code).First().Path;
            var rows = db.Households.Select(h => new { h.Id, h.OrgPath }).ToList();
            return (db.Households.Where(h => h.OrgPath.StartsWith(root)).Select(h => h.Id).ToList().Order().ToList(),
                rows.Where(h => h.OrgPath.StartsWith(root, StringComparison.Ordinal)).Select(h => h.Id).Order().ToList(), rows.Count);
        });
        Assert.NotEmpty(inSubtree);
        Assert.True(inSubtree.Count < all);
        Assert.Equal(expected, inSubtree);
    }

    [Fact]
    public void A_subtree_count_reads_the_path_index_not_the_whole_table()
    {
        if (TestDatabase.IsPostgres)
        {
            var pgPlan = app.WithDb(db =>
            {
                var root = db.OrgUnits.First(u => u.Kind == OrgKind.Street).Path;
                using var tx = db.Database.BeginTransaction();
                db.Database.ExecuteSqlRaw("SET LOCAL enable_seqscan = off"); // the demo district is small: ask whether the index can serve it at all
                var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.Transaction = tx.GetDbTransaction();
                cmd.CommandText = $"EXPLAIN SELECT \"Id\" FROM org_households WHERE \"TenantId\" = '{db.CurrentTenantId}' AND \"OrgPath\" LIKE '{root}%'";
                using var reader = cmd.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read()) rows.Add(reader.GetString(0));
                return string.Join(" | ", rows);
            });
            // Under a non-C collation (C.UTF-8 here) PostgreSQL 15 applies the prefix as a filter on this index, not as a range.
            Assert.Contains("\"IX_org_households_TenantId_OrgPath\"", pgPlan); // an index scan or a bitmap index scan
            Assert.DoesNotContain("Seq Scan", pgPlan);
            return;
        }
        var plan = app.WithDb(db =>
        {
            var root = db.OrgUnits.First(u => u.Kind == OrgKind.Street).Path;
            var sql = db.Households.Where(h => h.OrgPath.StartsWith(root)).Select(h => h.Id).ToQueryString();
            var conn = db.Database.GetDbConnection();
            db.Database.OpenConnection(); // through EF, so the connection interceptors run
            using var cmd = conn.CreateCommand();
            // ToQueryString declares parameters with .param set; feed the statement itself with the value.
            var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            cmd.CommandText = "EXPLAIN QUERY PLAN " + statement;
            foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set")))
            {
                var parts = line.Split(' ', 4);
                var p = cmd.CreateParameter();
                p.ParameterName = parts[2];
                p.Value = parts[3].Trim().Trim('\'');
                cmd.Parameters.Add(p);
            }
            using var reader = cmd.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add(reader.GetString(3));
            return string.Join(" | ", rows);
        });
        Assert.True(plan.Contains("OrgPath\">?") || plan.Contains("OrgPath>?"), plan);
    }
}
