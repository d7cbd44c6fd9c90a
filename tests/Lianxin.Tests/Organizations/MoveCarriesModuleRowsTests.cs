using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;

namespace Lianxin.Tests.Organizations;

/// <summary>Moving a unit carries the rows of every module (members, posts, …) with it, not only the org tables.</summary>
[Collection(AppCollection.Name)]
public class MoveCarriesModuleRowsTests(LianxinApp app)
{
    [Fact]
    public async Task A_moved_branch_takes_its_members_with_it_into_the_new_community()
    {
        var (branch, target) = app.WithDb(db =>
        {
            var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
            // A branch of 和平 that holds members (the demo seeds members at its branches) and no demo account's
            // role, so the other tests of this shared database keep their accounts where they were.
            var withMembers = db.OrgUnits.Where(u => u.ParentId == heping.Id && u.Kind == OrgKind.Branch).OrderByDescending(u => u.Code).ToList()
                .First(b => db.Members.Any(m => m.OrgPath.StartsWith(b.Path)) && !db.RoleGrants.Any(g => g.OrgPath.StartsWith(b.Path)));
            return (withMembers, db.OrgUnits.First(u => u.ShortName == "幸福社区党委"));
        });
        var members = app.WithDb(db => db.Members.Where(m => m.OrgPath.StartsWith(branch.Path)).Select(m => m.Id).ToList());
        Assert.NotEmpty(members);

        var api = await app.ApiAs("street");
        var move = await api.PostAsJsonAsync($"/api/v1/org/units/{branch.Id}/move", new { newParentId = target.Id, version = branch.Version });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var newPath = $"{target.Path}{branch.Id:N}/";
        app.WithDb(db =>
        {
            Assert.All(db.Members.Where(m => members.Contains(m.Id)).ToList(), m => Assert.StartsWith(newPath, m.OrgPath));
            Assert.False(db.Members.Any(m => m.OrgPath.StartsWith(branch.Path)));
            return 0;
        });
        // The neighbour's secretary now finds them; 和平's does not.
        var member = members[0];
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/members/{member}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary")).GetAsync($"/api/v1/members/{member}")).StatusCode);
    }
}
