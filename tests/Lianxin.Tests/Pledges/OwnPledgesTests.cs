using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Platform;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Notifications;

namespace Lianxin.Tests.Pledges;

/// <summary>党员承诺: a member enters their own pledge, the branch secretary approves or returns it; counts by owner class.</summary>
[Collection(AppCollection.Name)]
public class OwnPledgesTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");
    Guid UnitOf(string userName) => app.WithDb(db => db.RoleGrants.First(g => db.Users.Any(u => u.Id == g.UserId && u.UserName == userName)).OrgUnitId);
    Guid Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName).Id);

    /// <summary>A new account with the Member role at the branch, linked to a member of that branch's roster not yet linked; its name and member's name.</summary>
    async Task<(HttpClient Api, Guid UserId, string MemberName)> MemberOf(Guid branch)
    {
        var name = UsersApiTests.NewName("pm");
        var user = await UsersApiTests.CreateAsync(await app.ApiAs("secretary"), name, Role.Member, branch, "党员 承诺测试");
        var memberName = app.WithDb(db =>
        {
            var m = db.Members.First(x => x.BranchId == branch && x.UserId == null && x.Status == MemberStatus.Normal);
            m.UserId = user.Id;
            db.SaveChanges();
            return m.Name;
        });
        return (await app.ApiAs(name, UsersApiTests.Password), user.Id, memberName);
    }

    static object Own(string title, int version = 0, string description = "每周六上午在楼下为老人量血压，有需要请打 13912345678。") => new
    {
        title, description, dueOn = Day(60), version,
        tasks = new[] { new { title = "购置血压计", dueOn = Day(7) }, new { title = "每周六义诊", dueOn = Day(50) } },
    };

    async Task<List<JsonElement>> Board(Guid unit) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{unit}")).GetProperty("rows").EnumerateArray().ToList();

    int Inbox(Guid userId, string title) => app.WithDb(db => db.InboxItems.Count(i => i.UserId == userId && i.Title == title));

    [Fact]
    public async Task A_members_own_pledge_goes_on_the_board_only_once_their_branch_secretary_approves_it()
    {
        var grid = UnitOf("grid");
        var heping = Unit("和平社区党委");
        var (member, memberUserId, memberName) = await MemberOf(grid);
        var title = "为楼内老人义务量血压" + Guid.NewGuid().ToString("N")[..6];

        var bad = await member.PostAsJsonAsync("/api/v1/pledges/mine", new { title = "", dueOn = (string?)null, tasks = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写承诺事项。", badBody);
        Assert.Contains("请填写承诺完成时限。", badBody);

        var created = await member.PostAsJsonAsync("/api/v1/pledges/mine", Own(title));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var mine = await member.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/mine/{id}");
        Assert.Equal("Submitted", mine.GetProperty("state").GetString());
        Assert.Equal(2, mine.GetProperty("tasks").GetArrayLength());
        Assert.DoesNotContain(await Board(heping), r => r.GetProperty("title").GetString() == title);
        Assert.DoesNotContain(title, await app.CreateClient().GetStringAsync($"/public/board/{heping}"));

        // The branch secretary hears of it.
        await app.RunJobAsync<NotificationDispatcher>();
        var gridUser = app.WithDb(db => db.Users.First(u => u.UserName == "grid").Id);
        Assert.True(Inbox(gridUser, $"党员承诺待审核：{memberName}") >= 1);
        var secretary = await app.ApiAs("grid");
        var pending = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/pledges/pending");
        var waiting = pending.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        var version = waiting.GetProperty("version").GetInt32();

        // The member may not approve their own pledge; another branch's secretary and another community's do not see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/v1/pledges/{id}/approve", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/pledges/pending")).StatusCode);
        var otherBranch = app.WithDb(db => db.OrgUnits.First(u => u.ParentId == heping && u.BranchKind == BranchKind.Grid && u.Id != grid).Id);
        var otherName = UsersApiTests.NewName("gl");
        await UsersApiTests.CreateAsync(await app.ApiAs("secretary"), otherName, Role.GridLeader, otherBranch, "邻支部 书记");
        var otherSecretary = await app.ApiAs(otherName, UsersApiTests.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSecretary.PostAsJsonAsync($"/api/v1/pledges/{id}/approve", new { version })).StatusCode);
        Assert.DoesNotContain((await otherSecretary.GetFromJsonAsync<JsonElement>("/api/v1/pledges/pending")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync($"/api/v1/pledges/{id}/return", new { reason = "越权", version })).StatusCode);
        Assert.Equal("Submitted", app.WithDb(db => db.Pledges.First(p => p.Id == id).State.ToString()));

        // Returned with a reason (required); the member hears why, edits and resubmits.
        var noReason = await secretary.PostAsJsonAsync($"/api/v1/pledges/{id}/return", new { reason = "", version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写退回原因。", await noReason.Content.ReadAsStringAsync());
        var returned = await secretary.PostAsJsonAsync($"/api/v1/pledges/{id}/return", new { reason = "请写明服务的楼栋。", version });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        await app.RunJobAsync<NotificationDispatcher>();
        Assert.Equal(1, Inbox(memberUserId, "您的党员承诺被退回"));
        mine = await member.GetFromJsonAsync<JsonElement>($"/api/v1/pledges/mine/{id}");
        Assert.Equal("Returned", mine.GetProperty("state").GetString());
        Assert.Equal("请写明服务的楼栋。", mine.GetProperty("returnReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/api/v1/pledges/{id}/approve", new { version = (await Json(returned)).GetProperty("version").GetInt32() })).StatusCode);
        Assert.DoesNotContain(await Board(heping), r => r.GetProperty("title").GetString() == title);

        var mv = mine.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await member.PutAsJsonAsync($"/api/v1/pledges/mine/{id}", Own(title, mv + 5))).StatusCode);
        var resubmitted = await member.PutAsJsonAsync($"/api/v1/pledges/mine/{id}", Own(title, mv, "每周六上午在 3 号楼下为老人量血压，有需要请打 13912345678。"));
        Assert.True(resubmitted.StatusCode == HttpStatusCode.OK, await resubmitted.Content.ReadAsStringAsync());

        var approved = await secretary.PostAsJsonAsync($"/api/v1/pledges/{id}/approve", new { version = (await Json(resubmitted)).GetProperty("version").GetInt32() });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        await app.RunJobAsync<NotificationDispatcher>();
        Assert.Equal(1, Inbox(memberUserId, "您的党员承诺已通过审核"));
        // Once approved it is the branch's to carry on, not the member's to edit.
        Assert.Equal(HttpStatusCode.Conflict, (await member.PutAsJsonAsync($"/api/v1/pledges/mine/{id}", Own(title, (await Json(approved)).GetProperty("version").GetInt32()))).StatusCode);

        // On the board: its task list, the member's name and the phone number masked.
        var row = (await Board(heping)).Single(r => r.GetProperty("title").GetString() == title);
        Assert.Equal("党员", row.GetProperty("owner").GetString());
        Assert.Equal(memberName[0] + new string('*', memberName.Length - 1), row.GetProperty("responsiblePerson").GetString());
        Assert.Equal(["购置血压计", "每周六义诊"], row.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Contains("139****5678", row.GetProperty("description").GetString());
        var board = await app.CreateClient().GetStringAsync($"/public/board/{heping}");
        Assert.Contains(title, board);
        Assert.Contains("购置血压计", board);
        Assert.DoesNotContain("13912345678", board);
        Assert.DoesNotContain(memberName, board.Replace(title, ""));
    }

    [Fact]
    public async Task Counts_by_owner_class_add_up_on_the_figures_and_the_board_and_leave_out_what_is_not_public()
    {
        var street = await app.ApiAs("street");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var made = await street.PostAsJsonAsync("/api/v1/org/units", new { parentId = Unit("东湖街道党工委"), kind = "Community", branchKind = "None", name = $"计数{tag}社区", shortName = $"计数{tag}社区" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var community = (await Json(made)).GetProperty("id").GetGuid();

        async Task<Guid> Pledge(string owner, string person)
        {
            var r = await street.PostAsJsonAsync("/api/v1/pledges", new { orgUnitId = community, title = $"{owner}实事{Guid.NewGuid():N}"[..20], owner, responsiblePerson = person, dueOn = Day(30) });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await Json(r)).GetProperty("id").GetGuid();
        }
        var leaderDone = await Pledge("Leader", "街道书记 张");
        await Pledge("Leader", "街道主任 王");
        await Pledge("Branch", "社区党委");
        await Pledge("Member", "党员 赵");
        var done = await street.PostAsJsonAsync($"/api/v1/pledges/{leaderDone}/progress", new { percent = 100, note = "已完成。", version = 0 });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // A member's pledge still waiting for the secretary counts nowhere.
        app.WithDb(db =>
        {
            var unit = db.OrgUnits.First(u => u.Id == community);
            db.Pledges.Add(new Lianxin.Web.Modules.Pledges.Domain.Pledge
            {
                TenantId = unit.TenantId, OrgUnitId = unit.Id, OrgPath = unit.Path, Title = "待审核", Owner = Lianxin.Web.Modules.Pledges.Domain.PledgeOwner.Member,
                ResponsiblePerson = "党员 钱", ResponsibleUnit = unit.Name, StartOn = DateOnly.FromDateTime(DateTime.UtcNow), DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9)),
                State = Lianxin.Web.Modules.Pledges.Domain.PledgeState.Submitted, CreatedAt = DateTime.UtcNow,
            });
            return db.SaveChanges();
        });

        var owners = (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/board/{community}")).GetProperty("owners").EnumerateArray()
            .Select(o => (o.GetProperty("name").GetString(), o.GetProperty("pledged").GetInt32(), o.GetProperty("done").GetInt32())).ToList();
        Assert.Equal([("班子成员", 2, 1), ("党组织", 1, 0), ("党员", 1, 0)], owners);
        var page = await app.CreateClient().GetStringAsync($"/public/board/{community}");
        Assert.Contains("班子成员", page);

        var secretaryName = UsersApiTests.NewName("cs");
        await UsersApiTests.CreateAsync(street, secretaryName, Role.CommunitySecretary, community, "计数社区 书记");
        var counts = await (await app.ApiAs(secretaryName, UsersApiTests.Password)).GetFromJsonAsync<JsonElement>("/api/v1/pledges/counts");
        var byOwner = counts.GetProperty("byOwner").EnumerateArray().ToDictionary(o => o.GetProperty("owner").GetString()!);
        Assert.Equal(2, byOwner["Leader"].GetProperty("pledged").GetInt32());
        Assert.Equal(1, byOwner["Leader"].GetProperty("done").GetInt32());
        Assert.Equal(1, byOwner["Leader"].GetProperty("onTime").GetInt32());
        Assert.Equal(1, byOwner["Member"].GetProperty("pledged").GetInt32());
        Assert.Equal(4, counts.GetProperty("byPerson").EnumerateArray().Sum(p => p.GetProperty("pledged").GetInt32()));
        var figures = await (await app.PagesAs(secretaryName, UsersApiTests.Password)).GetStringAsync("/pledges");
        Assert.Contains("data-owner=\"Leader\"", figures);
    }
}
