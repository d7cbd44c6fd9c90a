using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.Platform;

/// <summary>小区党支部书记 (issue 10): a role of its own, held only at a compound branch, seeing that compound and not the rest of the grid.</summary>
[Collection(AppCollection.Name)]
public class CompoundSecretaryTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The demo compound with its own branch (阳光花园), a compound of the same grid without one, and that grid's branch.</summary>
    (Guid Community, Guid Category, Guid OwnCompound, Guid Branch, Guid GridCompound, Guid GridBranch) Places() => app.WithDb(db =>
    {
        var community = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        var branch = db.OrgUnits.First(u => u.ParentId == community.Id && u.BranchKind == BranchKind.Compound && u.Name.StartsWith("阳光花园"));
        var own = db.Compounds.Single(c => c.BranchId == branch.Id);
        var other = db.Compounds.First(c => c.GridId == own.GridId && c.BranchId == null);
        var gridBranch = db.Grids.Single(g => g.Id == own.GridId).BranchId!.Value;
        var category = db.DemandCategories.First(x => x.StreetId == community.ParentId && x.Name == "环境卫生").Id;
        return (community.Id, category, own.Id, branch.Id, other.Id, gridBranch);
    });

    async Task<Guid> FileAsync(Guid community, Guid category, Guid compound, string text)
    {
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = community, categoryId = category, compoundId = compound, description = text, contactName = "测试居民", contactPhone = "13800002222",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        return (await Json(filed)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_demo_compound_secretary_sees_the_demands_of_their_compound_and_not_those_of_the_rest_of_the_grid()
    {
        Assert.Contains(DemoDistrict.Accounts, a => a.UserName == "compound" && a.Role == Role.CompoundSecretary);
        var p = Places();
        var mine = await FileAsync(p.Community, p.Category, p.OwnCompound, "小区地下车库积水，请尽快处理。");
        var elsewhere = await FileAsync(p.Community, p.Category, p.GridCompound, "隔壁小区门口垃圾堆放。");

        var compound = await app.ApiAs("compound");
        var d = await Json(await compound.GetAsync($"/api/v1/demands/{mine}"));
        Assert.Equal("Compound", d.GetProperty("level").GetString());
        Assert.Contains("Escalate", d.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await compound.GetAsync($"/api/v1/demands/{elsewhere}")).StatusCode);
        // The grid's own secretary has the other one.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("grid")).GetAsync($"/api/v1/demands/{elsewhere}")).StatusCode);

        var home = await (await app.PagesAs("compound")).GetStringAsync("/");
        Assert.Contains("小区党支部书记", home);
    }

    [Fact]
    public async Task The_role_is_granted_only_at_a_compound_branch_and_elsewhere_refused_in_chinese()
    {
        var p = Places();
        var secretary = await app.ApiAs("secretary");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var refused = await secretary.PostAsJsonAsync("/api/v1/users", new { userName = "cs_bad" + tag, displayName = "网格里的小区书记", password = DemoSetup.Password, role = "CompoundSecretary", orgUnitId = p.GridBranch });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不是小区党支部", (await Json(refused)).GetProperty("errors").GetProperty("orgUnitId")[0].GetString());
        Assert.False(app.WithDb(db => db.Users.Any(u => u.UserName == "cs_bad" + tag)));

        var granted = await secretary.PostAsJsonAsync("/api/v1/users", new { userName = "cs_ok" + tag, displayName = "阳光花园 新书记", password = DemoSetup.Password, role = "CompoundSecretary", orgUnitId = p.Branch });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal("小区党支部书记", Role.CompoundSecretary.Chinese());
    }
}
