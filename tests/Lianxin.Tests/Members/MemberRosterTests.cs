using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class MemberRosterTests(LianxinApp app)
{
    static int next = Random.Shared.Next(100, 400);
    /// <summary>A fresh valid ID number per test, so tests never collide on the unique hash.</summary>
    public static string NewId(int year = 1980) => CitizenId.Make("330199", new DateOnly(year, 1 + next % 12, 1 + next % 28), Interlocked.Increment(ref next) % 1000);

    public (OrgUnit heping, OrgUnit xingfu, OrgUnit hepingGrid, OrgUnit xingfuGrid) Units() => app.WithDb(db =>
    {
        var communities = db.OrgUnits.Where(u => u.Kind == OrgKind.Community).OrderBy(u => u.Path).ToList();
        var heping = communities.First(u => u.Name.Contains("和平"));
        var xingfu = communities.First(u => u.Name.Contains("幸福"));
        var hg = db.OrgUnits.Where(u => u.ParentId == heping.Id && u.BranchKind == BranchKind.Grid).OrderBy(u => u.SortOrder).First();
        var xg = db.OrgUnits.Where(u => u.ParentId == xingfu.Id && u.BranchKind == BranchKind.Grid).OrderBy(u => u.SortOrder).First();
        return (heping, xingfu, hg, xg);
    });

    public static object NewMember(Guid branchId, string name, string? id = null, string phone = "13912345678") => new
    {
        name, idNumber = id ?? NewId(), phone, joinedOn = "2010-07-01", fullMemberOn = "2011-07-01", category = "Full",
        branchId, employment = "Retired", ethnicity = "汉族", education = "大学本科",
    };

    [Fact]
    public async Task A_secretary_creates_a_member_and_sees_phone_and_ID_whole_while_staff_see_them_masked()
    {
        var (_, _, grid, _) = Units();
        var id = NewId();
        var secretary = await app.ApiAs("secretary");
        var created = await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "测试甲", id, "13955556666"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<MemberDto>();
        Assert.Equal(id, dto!.IdNumber);
        Assert.Equal("13955556666", dto.Phone);

        var staff = await app.ApiAs("staff");
        var seen = await staff.GetFromJsonAsync<MemberCard>($"/api/v1/members/{dto.Id}");
        Assert.Equal("139****6666", seen!.Member.Phone);
        Assert.Equal(id[..4] + "**********" + id[^4..], seen.Member.IdNumber);

        // Stored encrypted: the number is not in the table, its hash is.
        var row = app.WithDb(db => db.Members.Single(m => m.Id == dto.Id));
        Assert.DoesNotContain(id[6..14], row.IdNumberCipher);
        Assert.Equal(app.Services.GetRequiredService<PersonalData>().Hash(id), row.IdNumberHash);
    }

    [Fact]
    public async Task The_neighbour_secretary_cannot_list_or_read_another_communitys_members()
    {
        var (heping, _, grid, _) = Units();
        var secretary = await app.ApiAs("secretary");
        var dto = await (await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "测试乙"))).Content.ReadFromJsonAsync<MemberDto>();

        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/{dto!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members?unitId={heping.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/stats?unitId={heping.Id}")).StatusCode);
        var own = await neighbour.GetFromJsonAsync<MemberPage>("/api/v1/members?pageSize=200&q=测试乙");
        Assert.Empty(own!.Items);
        // And the exact-ID search does not cross the boundary either.
        var exact = await neighbour.GetFromJsonAsync<MemberPage>($"/api/v1/members?q={dto.IdNumber}");
        Assert.Empty(exact!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PutAsJsonAsync($"/api/v1/members/{dto.Id}", NewMember(grid.Id, "改名"))).StatusCode);
    }

    [Fact]
    public async Task Search_finds_by_name_phone_and_exact_ID()
    {
        var (heping, _, grid, _) = Units();
        var id = NewId();
        var secretary = await app.ApiAs("secretary");
        await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "欧阳查询", id, "13700001111"));
        Assert.Single((await secretary.GetFromJsonAsync<MemberPage>("/api/v1/members?q=欧阳查询"))!.Items);
        Assert.Single((await secretary.GetFromJsonAsync<MemberPage>("/api/v1/members?q=13700001111"))!.Items);
        Assert.Single((await secretary.GetFromJsonAsync<MemberPage>($"/api/v1/members?q={id.ToLowerInvariant()}&unitId={heping.Id}"))!.Items);
    }

    [Fact]
    public async Task A_bad_ID_number_is_a_400_in_Chinese_and_nothing_is_stored()
    {
        var (_, _, grid, _) = Units();
        var bad = NewId()[..17] + "0";
        if (CitizenId.IsValid(bad)) bad = NewId()[..17] + "1";
        var secretary = await app.ApiAs("secretary");
        var response = await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "测试校验", bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("校验位", await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Name == "测试校验")));

        var missing = await secretary.PostAsJsonAsync("/api/v1/members", new { branchId = grid.Id });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请输入姓名", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_transfer_is_an_event_and_the_old_roster_is_still_reconstructable()
    {
        var (heping, xingfu, grid, xingfuGrid) = Units();
        var secretary = await app.ApiAs("secretary");
        var dto = await (await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "测试转接"))).Content.ReadFromJsonAsync<MemberDto>();
        // Backdate the entry so the roster of "yesterday" can be compared with today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        app.WithDb(db =>
        {
            foreach (var t in db.MemberTransfers.Where(t => t.MemberId == dto!.Id)) t.On = today.AddDays(-30);
            foreach (var s in db.MemberStatusChanges.Where(t => t.MemberId == dto!.Id)) s.On = today.AddDays(-30);
            return db.SaveChanges();
        });
        var moved = await secretary.PostAsJsonAsync($"/api/v1/members/{dto!.Id}/transfers", new { toBranchId = xingfuGrid.Id, on = today.AddDays(-10).ToString("yyyy-MM-dd"), reason = "搬家", version = dto.Version });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // Now out of the secretary's scope, visible to the neighbour.
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/members/{dto.Id}")).StatusCode);
        var card = await (await app.ApiAs("secretary2")).GetFromJsonAsync<MemberCard>($"/api/v1/members/{dto.Id}");
        Assert.Equal(2, card!.Transfers.Count);
        Assert.Equal(TransferKind.Internal, card.Transfers[1].Kind);

        var before = await secretary.GetFromJsonAsync<RosterOn>($"/api/v1/members/roster?unitId={heping.Id}&on={today.AddDays(-20):yyyy-MM-dd}");
        var after = await secretary.GetFromJsonAsync<RosterOn>($"/api/v1/members/roster?unitId={heping.Id}&on={today:yyyy-MM-dd}");
        Assert.Contains(before!.Members, m => m.MemberId == dto.Id);
        Assert.DoesNotContain(after!.Members, m => m.MemberId == dto.Id);
        var neighbour = await (await app.ApiAs("secretary2")).GetFromJsonAsync<RosterOn>($"/api/v1/members/roster?unitId={xingfu.Id}&on={today:yyyy-MM-dd}");
        Assert.Contains(neighbour!.Members, m => m.MemberId == dto.Id);
    }

    [Fact]
    public async Task A_status_change_is_dated_history_and_a_stale_version_is_a_409()
    {
        var (_, _, grid, _) = Units();
        var secretary = await app.ApiAs("secretary");
        var dto = await (await secretary.PostAsJsonAsync("/api/v1/members", NewMember(grid.Id, "测试状态"))).Content.ReadFromJsonAsync<MemberDto>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var ok = await secretary.PostAsJsonAsync($"/api/v1/members/{dto!.Id}/status", new { to = "Suspended", on = today, reason = "停止党籍", version = dto.Version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await secretary.PostAsJsonAsync($"/api/v1/members/{dto.Id}/status", new { to = "Normal", on = today, reason = "恢复", version = dto.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var card = await secretary.GetFromJsonAsync<MemberCard>($"/api/v1/members/{dto.Id}");
        Assert.Equal([MemberStatus.Normal, MemberStatus.Suspended], card!.StatusHistory.Select(s => s.To));
    }

    [Fact]
    public async Task Counts_by_category_and_age_band_add_up()
    {
        var (heping, _, _, _) = Units();
        var stats = await (await app.ApiAs("secretary")).GetFromJsonAsync<MemberStats>($"/api/v1/members/stats?unitId={heping.Id}");
        Assert.True(stats!.Total > 0);
        Assert.Equal(stats.Total, stats.ByCategory.Sum(c => c.Value));
        Assert.Equal(stats.Total, stats.ByAgeBand.Sum(c => c.Value));
    }

    [Fact]
    public async Task The_grid_branch_secretary_and_group_leader_see_their_duties_on_their_card()
    {
        var (_, _, grid, _) = Units();
        var (secretaryId, leaderId) = app.WithDb(db =>
        {
            var secName = db.OrgPositions.First(p => p.OrgUnitId == grid.Id && p.Title == "书记").PersonName;
            var group = db.OrgUnits.First(u => u.ParentId == grid.Id && u.Kind == OrgKind.Group);
            var leaderName = db.OrgPositions.First(p => p.OrgUnitId == group.Id && p.Title == "党小组长").PersonName;
            return (db.Members.First(m => m.BranchId == grid.Id && m.Name == secName).Id, db.Members.First(m => m.BranchId == grid.Id && m.Name == leaderName).Id);
        });
        var api = await app.ApiAs("secretary");
        var card = await api.GetFromJsonAsync<MemberCard>($"/api/v1/members/{secretaryId}");
        Assert.Contains(card!.Duties, d => d.Title == "网格党支部书记" && d.Detail.Contains("统筹网格党建"));
        card = await api.GetFromJsonAsync<MemberCard>($"/api/v1/members/{leaderId}");
        Assert.Contains(card!.Duties, d => d.Title == "网格党小组长");
    }

    [Fact]
    public async Task The_demo_roster_has_natural_names_and_valid_ID_numbers()
    {
        var pd = app.Services.GetRequiredService<PersonalData>();
        var rows = app.WithDb(db => db.Members.Take(50).ToList());
        Assert.All(rows, m => Assert.True(CitizenId.IsValid(pd.Decrypt(m.IdNumberCipher))));
        Assert.True(app.WithDb(db => db.Members.Count()) >= 200);
    }

    [Fact]
    public async Task The_list_page_shows_members_masked_for_staff()
    {
        var client = await app.PagesAs("staff");
        var html = await client.GetStringAsync("/members");
        Assert.Contains("党员名册", html);
        Assert.Matches(@"1\d\d\*\*\*\*\d{4}", html);
    }
}
