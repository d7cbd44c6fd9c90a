using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Demands;

/// <summary>After 拆—转—建 a compound's own branch handles demands about it first, then the community.</summary>
[Collection(AppCollection.Name)]
public class CompoundBranchRoutingTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_demand_about_a_compound_with_its_own_branch_goes_to_that_branch_first_and_then_to_the_community()
    {
        var (community, gridId, categoryId) = app.WithDb(db =>
        {
            var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            return (c, db.Grids.First(g => g.CommunityId == c.Id && g.BranchId != null).Id,
                db.DemandCategories.First(x => x.StreetId == c.ParentId && x.Name == "环境卫生").Id);
        });
        var secretary = await app.ApiAs("secretary");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var compoundId = (await Json(await secretary.PostAsJsonAsync("/api/v1/org/compounds", new { communityId = community.Id, gridId, name = "自建支部小区" + tag, type = "Commercial" }))).GetProperty("id").GetGuid();
        var split = await secretary.PostAsJsonAsync($"/api/v1/org/compounds/{compoundId}/split", new { branchName = "自建支部小区党支部" + tag, shortName = "小区支部" + tag });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var branchId = (await Json(split)).GetProperty("id").GetGuid();

        // A person holding a role at the compound's branch (its secretary, as a grid leader would at a grid branch).
        var userName = "cb_" + tag;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = new AppUser { UserName = userName, DisplayName = "小区支部书记", TenantId = community.TenantId };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSetup.Password)).Succeeded);
            var branchPath = app.WithDb(db => db.OrgUnits.First(u => u.Id == branchId).Path);
            app.WithDb(db => { db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.GridLeader, OrgUnitId = branchId, OrgPath = branchPath }); return db.SaveChanges(); });
        }

        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = community.Id, categoryId, compoundId, description = "小区垃圾桶满溢多日无人清理。", contactName = "测试居民", contactPhone = "13800001111",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await Json(filed)).GetProperty("id").GetGuid();

        var branch = await app.ApiAs(userName);
        var list = await branch.GetFromJsonAsync<JsonElement>("/api/v1/demands?pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var d = await branch.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}");
        Assert.Equal("Compound", d.GetProperty("level").GetString());
        Assert.Contains("Escalate", d.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        // The grid branch the compound left no longer sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("grid")).GetAsync($"/api/v1/demands/{id}")).StatusCode);

        var up = await branch.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Escalate", note = "需社区协调物业。", version = d.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var atCommunity = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}");
        Assert.Equal("Community", atCommunity.GetProperty("level").GetString());

        // Returned by the community, it goes back to the compound's branch, not to a grid.
        var back = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Return", note = "物业已答复，请支部跟进。", version = atCommunity.GetProperty("version").GetInt32() });
        Assert.Equal("Compound", (await Json(back)).GetProperty("level").GetString());
    }
}
