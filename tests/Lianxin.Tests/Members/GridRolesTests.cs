using Lianxin.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Members;

/// <summary>后三级网格: the view and its gaps, 楼栋长 as roster members, 群众推荐 records, ending central households and zones.</summary>
[Collection(AppCollection.Name)]
public class GridRolesTests(LianxinApp app)
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    async Task<GridViewDto> ViewAsync(HttpClient api, Guid communityId) =>
        (await api.GetFromJsonAsync<GridViewDto>($"/api/v1/members/communities/{communityId}/grid-view"))!;

    [Fact]
    public async Task The_grid_view_flags_the_gaps_and_a_building_leader_must_be_on_the_community_roster()
    {
        var units = new MemberRosterTests(app).Units();
        var api = await app.ApiAs("secretary");
        var view = await ViewAsync(api, units.heping.Id);

        // The demo has both: led buildings and a building without a 楼栋长 in the first grid, unlinked free-text names elsewhere,
        // compounds with and without their own branch, and a grid without a central household.
        var buildings = view.Grids.SelectMany(g => g.Compounds).SelectMany(c => c.Buildings).ToList();
        Assert.Contains(buildings, b => b.LeaderMemberId is not null);
        Assert.Contains(buildings, b => b.NoLeader && b.UnlinkedLeaderName is null);
        Assert.Contains(buildings, b => b.NoLeader && b.UnlinkedLeaderName is not null);
        Assert.Equal(buildings.Count(b => b.NoLeader), view.Gaps.BuildingsWithoutLeader);
        Assert.Equal(buildings.Count(b => b.UnlinkedLeaderName is not null), view.Gaps.UnlinkedLeaders);
        var compounds = view.Grids.SelectMany(g => g.Compounds).ToList();
        Assert.Contains(compounds, c => c.NoBranch);
        Assert.Equal(app.WithDb(db => db.Compounds.Count(c => c.CommunityId == units.heping.Id && c.BranchId == null)), view.Gaps.CompoundsWithoutBranch);
        Assert.Contains(view.Grids, g => g.NoCentralHousehold);
        Assert.Contains(view.Grids, g => g.CentralHouseholds.Any(c => c.Homes.Count > 0));
        Assert.Contains(view.Grids, g => g.Secretaries.Count > 0);
        Assert.Equal(2, view.Duties.Count);

        // Out of scope: another community's secretary gets 404, as does a unit that is not a community.
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/members/communities/{units.heping.Id}/grid-view")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/members/communities/{units.hepingGrid.Id}/grid-view")).StatusCode);

        // A member of another community may not lead a building here: 400, nothing changed.
        var gap = buildings.First(b => b.NoLeader && b.UnlinkedLeaderName is not null);
        var (resident, outsider, before) = app.WithDb(db => (
            db.Members.First(m => m.ResidenceCommunityId == units.heping.Id && m.Status == MemberStatus.Normal).Id,
            db.Members.First(m => m.OrgPath.StartsWith(units.xingfu.Path) && m.ResidenceCommunityId != units.heping.Id && m.Status == MemberStatus.Normal).Id,
            db.Buildings.Count(b => b.LeaderMemberId != null)));
        var refused = await api.PostAsJsonAsync($"/api/v1/members/buildings/{gap.Id}/leaders", new { memberId = outsider });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("本社区在册党员", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/members/buildings/{gap.Id}/leaders", new { memberId = resident })).StatusCode);
        Assert.False(app.WithDb(db => db.BuildingLeaders.Any(l => l.BuildingId == gap.Id)));

        // A resident member: linked, the gap closes, the building's coverage figure counts it and the free-text name is gone.
        var led = await (await api.PostAsJsonAsync($"/api/v1/members/buildings/{gap.Id}/leaders", new { memberId = resident })).Content.ReadFromJsonAsync<BuildingLeaderDto>();
        var after = await ViewAsync(api, units.heping.Id);
        Assert.Equal(view.Gaps.BuildingsWithoutLeader - 1, after.Gaps.BuildingsWithoutLeader);
        Assert.Equal(view.Gaps.UnlinkedLeaders - 1, after.Gaps.UnlinkedLeaders);
        Assert.Equal(before + 1, app.WithDb(db => db.Buildings.Count(b => b.LeaderMemberId != null)));
        var building = app.WithDb(db => db.Buildings.First(b => b.Id == gap.Id));
        Assert.Equal((resident, led!.MemberName), (building.LeaderMemberId!.Value, building.LeaderName!));

        // Ending with a stale version is a conflict; ended with a reason it is history and the gap is back.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/members/buildings/leaders/{led.Id}/end", new { endedOn = Today, reason = "搬离", version = led.Version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/members/buildings/leaders/{led.Id}/end", new { endedOn = Today, reason = "", version = led.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/members/buildings/leaders/{led.Id}/end", new { endedOn = Today, reason = "搬离本楼", version = led.Version })).StatusCode);
        var history = (await api.GetFromJsonAsync<BuildingLeadersView>($"/api/v1/members/buildings/{gap.Id}/leaders"))!;
        Assert.Null(history.Current);
        Assert.Equal("搬离本楼", Assert.Single(history.Past).EndReason);
        Assert.Equal(view.Gaps.BuildingsWithoutLeader, (await ViewAsync(api, units.heping.Id)).Gaps.BuildingsWithoutLeader);
        Assert.Null(app.WithDb(db => db.Buildings.First(b => b.Id == gap.Id).LeaderMemberId));
    }

    [Fact]
    public async Task Recommendations_are_counted_from_records_one_per_household_and_approval_needs_one()
    {
        var units = new MemberRosterTests(app).Units();
        var (memberId, gridId, compoundId, homes, otherCompoundHome) = app.WithDb(db =>
        {
            // The first grid: it has a central household already, so the third keeps showing the "no central household" gap.
            var grid = db.Grids.Where(g => g.CommunityId == units.heping.Id).OrderBy(g => g.Code).First();
            var compound = db.Compounds.First(c => c.GridId == grid.Id);
            var m = db.Members.First(x => x.ResidenceCommunityId == units.heping.Id && x.Status == MemberStatus.Normal
                && !db.Set<CentralHousehold>().Any(c => c.MemberId == x.Id) && !db.Set<BuildingLeader>().Any(l => l.MemberId == x.Id));
            var hs = db.Households.Where(h => db.Set<Building>().Any(b => b.Id == h.BuildingId && b.CompoundId == compound.Id)).OrderBy(h => h.Room).Take(2).Select(h => h.Id).ToList();
            var other = db.Households.First(h => db.Set<Building>().Any(b => b.Id == h.BuildingId && b.CompoundId != compound.Id)).Id;
            return (m.Id, grid.Id, compound.Id, hs, other);
        });
        var api = await app.ApiAs("secretary");
        var ch = (await (await api.PostAsJsonAsync("/api/v1/central-households", new { memberId, gridId, selfNominated = false })).Content.ReadFromJsonAsync<CentralHouseholdDto>())!;
        Assert.Equal(0, ch.Recommenders);
        // Neither self-nominated nor recommended: not yet approvable.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/decision", new { approve = true, version = ch.Version })).StatusCode);

        // The compound's public page: anonymous, names masked.
        var anonymous = app.CreateClient();
        var page = (await anonymous.GetFromJsonAsync<PublicRecommendationView>($"/api/v1/public/compounds/{compoundId}/central-households"))!;
        var shown = Assert.Single(page.Nominees, n => n.Id == ch.Id);
        Assert.DoesNotContain(ch.MemberName, shown.Name);
        Assert.Contains("*", shown.Name);
        Assert.Contains(page.Homes, h => h.Id == homes[0]);
        var url = $"/api/v1/public/compounds/{compoundId}/central-households/recommendations";

        // Bad input: no name, a household of another compound, an unknown nominee: 400, nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, householdId = homes[0], name = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, householdId = otherCompoundHome, name = "王小明" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = Guid.NewGuid(), householdId = homes[0], name = "王小明" })).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.CentralHouseholdRecommendations.Count(r => r.CentralHouseholdId == ch.Id)));

        var receipt = (await (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, householdId = homes[0], name = "王小明" })).Content.ReadFromJsonAsync<RecommendationReceipt>())!;
        Assert.Equal("王**", receipt.Recommender);
        Assert.DoesNotContain(ch.MemberName, receipt.Nominee);
        // The same household again (another person of it, or staff on paper): one per household per nominee.
        var again = await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, householdId = homes[0], name = "王小红" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("每户对同一人选只能推荐一次", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/recommendations", new { householdId = homes[0], name = "王小红" })).StatusCode);
        // A typed room counts once however it is spaced; staff enter a household's paper recommendation.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, room = "9号楼 1单元 901", name = "赵大爷" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync(url, new { centralHouseholdId = ch.Id, room = "9号楼1单元901", name = "赵大妈" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/recommendations", new { householdId = homes[1], name = "钱阿姨" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/recommendations", new { householdId = homes[1], name = "越界" })).StatusCode);

        var listed = (await api.GetFromJsonAsync<List<CentralHouseholdDto>>("/api/v1/central-households"))!.Single(c => c.Id == ch.Id);
        Assert.Equal(3, listed.Recommenders);
        var approved = await api.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/decision", new { approve = true, version = listed.Version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task A_central_household_is_replaced_or_revoked_with_a_reason_and_stays_as_history()
    {
        var units = new MemberRosterTests(app).Units();
        var (first, second, gridId, households) = app.WithDb(db =>
        {
            var grid = db.Grids.Where(g => g.CommunityId == units.heping.Id).OrderBy(g => g.Code).Skip(1).First();
            var free = db.Members.Where(x => x.ResidenceCommunityId == units.heping.Id && x.Status == MemberStatus.Normal && !db.Set<CentralHousehold>().Any(c => c.MemberId == x.Id))
                .OrderByDescending(x => x.Id).Take(2).Select(x => x.Id).ToList();
            var hs = db.Households.Where(h => db.Set<Building>().Any(b => b.Id == h.BuildingId && b.GridId == grid.Id) && !db.Set<CentralHouseholdLink>().Any(l => l.HouseholdId == h.Id))
                .OrderByDescending(h => h.Id).Take(3).Select(h => h.Id).ToList();
            return (free[0], free[1], grid.Id, hs);
        });
        var api = await app.ApiAs("secretary");
        var ch = (await (await api.PostAsJsonAsync("/api/v1/central-households", new { memberId = first, gridId, selfNominated = true })).Content.ReadFromJsonAsync<CentralHouseholdDto>())!;
        ch = (await (await api.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/decision", new { approve = true, version = ch.Version })).Content.ReadFromJsonAsync<CentralHouseholdDto>())!;
        ch = (await (await api.PutAsJsonAsync($"/api/v1/central-households/{ch.Id}/households", new { householdIds = households, version = ch.Version })).Content.ReadFromJsonAsync<CentralHouseholdDto>())!;
        var endUrl = $"/api/v1/central-households/{ch.Id}/end";

        // Bad input (no reason, a future day, a replacement living elsewhere), a stale version, another community: nothing changes.
        var outsider = app.WithDb(db => db.Members.First(m => m.ResidenceCommunityId != units.heping.Id && m.Status == MemberStatus.Normal).Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "", version = ch.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(endUrl, new { endedOn = Today.AddDays(3), reason = "搬家", version = ch.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "搬家", replacementMemberId = outsider, version = ch.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "搬家", version = ch.Version - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "搬家", version = ch.Version })).StatusCode);
        Assert.Equal(CentralHouseholdStatus.Approved, app.WithDb(db => db.CentralHouseholds.First(c => c.Id == ch.Id).Status));

        // 调整: the successor looks after the same households from that day; the first stays, ended, with reason and date.
        var ended = (await (await api.PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "年老体弱，调整由邻居接任", replacementMemberId = second, version = ch.Version }))
            .Content.ReadFromJsonAsync<CentralHouseholdDto>())!;
        Assert.Equal((CentralHouseholdStatus.Ended, Today, "年老体弱，调整由邻居接任", 0), (ended.Status, ended.EndedOn!.Value, ended.EndReason!, ended.LookedAfter));
        var successor = (await api.GetFromJsonAsync<List<CentralHouseholdDto>>("/api/v1/central-households"))!.Single(c => c.Id == ended.ReplacedById);
        Assert.Equal((second, CentralHouseholdStatus.Approved, 3), (successor.MemberId, successor.Status, successor.LookedAfter));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(endUrl, new { endedOn = Today, reason = "再次撤销", version = ended.Version })).StatusCode);

        // 撤销: the households are free again.
        var revoked = await api.PostAsJsonAsync($"/api/v1/central-households/{successor.Id}/end", new { endedOn = Today, reason = "迁出本社区", version = successor.Version });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.False(app.WithDb(db => db.CentralHouseholdLinks.Any(l => households.Contains(l.HouseholdId))));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == ch.Id.ToString() && a.After!.Contains("年老体弱"))));
    }

    [Fact]
    public async Task A_zone_is_edited_with_a_version_check_and_ended_with_history_kept()
    {
        var units = new MemberRosterTests(app).Units();
        var api = await app.ApiAs("secretary");
        var a = await (await api.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "责任区乙"))).Content.ReadFromJsonAsync<MemberDto>();
        var b = await (await api.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "责任区丙"))).Content.ReadFromJsonAsync<MemberDto>();
        var zone = (await (await api.PostAsJsonAsync("/api/v1/zones", new { communityId = units.heping.Id, name = "和平路责任区", area = "和平路东段", memberIds = new[] { a!.Id } }))
            .Content.ReadFromJsonAsync<ZoneDto>())!;
        var url = $"/api/v1/zones/{zone.Id}";

        // Bad input and another community's secretary: nothing changes.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync(url, new { name = "", area = "和平路", memberIds = new[] { a.Id }, version = zone.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync(url, new { name = "和平路责任区", area = "和平路", memberIds = Array.Empty<Guid>(), version = zone.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PutAsJsonAsync(url, new { name = "越界", area = "某路", memberIds = new[] { a.Id }, version = zone.Version })).StatusCode);

        var edited = await api.PutAsJsonAsync(url, new { name = "和平路东段责任区", area = "和平路（文化路至滨河路）", memberIds = new[] { b!.Id }, version = zone.Version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var z = (await edited.Content.ReadFromJsonAsync<ZoneDto>())!;
        Assert.Equal(("和平路东段责任区", "责任区丙"), (z.Name, Assert.Single(z.Responsible)));
        Assert.Equal("责任区乙", Assert.Single(z.Former).Name); // taken off, kept as history
        Assert.True(z.Version > zone.Version);
        // The first reader saves late: 409, the second edit stands.
        var stale = await api.PutAsJsonAsync(url, new { name = "旧名称", area = "和平路东段", memberIds = new[] { a.Id }, version = zone.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("和平路东段责任区", app.WithDb(db => db.ResponsibilityZones.First(x => x.Id == zone.Id).Name));

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{url}/end", new { endedOn = Today, reason = "", version = z.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"{url}/end", new { endedOn = Today, reason = "道路改造", version = zone.Version })).StatusCode);
        var end = (await (await api.PostAsJsonAsync($"{url}/end", new { endedOn = Today, reason = "道路改造，并入新责任区", version = z.Version })).Content.ReadFromJsonAsync<ZoneDto>())!;
        Assert.Equal((Today, "道路改造，并入新责任区"), (end.EndedOn!.Value, end.EndReason!));
        Assert.Empty(end.Responsible);
        Assert.Equal(2, end.Former.Count);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync(url, new { name = "再改", area = "某路", memberIds = new[] { b.Id }, version = end.Version })).StatusCode);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == zone.Id.ToString() && a.After!.Contains("道路改造"))));
        // The zone no longer shows among the member's duties.
        var card = await api.GetStringAsync($"/api/v1/members/{b.Id}");
        Assert.DoesNotContain("和平路东段责任区", card);
    }

    [Fact]
    public async Task Migration_0031_links_a_free_text_leader_only_when_the_name_is_exactly_one_member_of_the_community()
    {
        var units = new MemberRosterTests(app).Units();
        var api = await app.ApiAs("secretary2");
        async Task<Guid> Member(string name) =>
            (await (await api.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.xingfuGrid.Id, name))).Content.ReadFromJsonAsync<MemberDto>())!.Id;
        var only = await Member("迁移甲");
        await Member("迁移乙");
        await Member("迁移乙");
        var (one, two, none) = app.WithDb(db =>
        {
            var compounds = db.Compounds.Where(c => c.CommunityId == units.xingfu.Id).Select(c => c.Id).ToList();
            var free = db.Buildings.Where(b => compounds.Contains(b.CompoundId) && b.LeaderMemberId == null).OrderBy(b => b.Name).Take(3).ToList();
            (free[0].LeaderName, free[1].LeaderName, free[2].LeaderName) = ("迁移甲", "迁移乙", "无此人");
            db.SaveChanges();
            return (free[0].Id, free[1].Id, free[2].Id);
        });

        // The data step of 0031 as shipped, run again on these rows (its schema part already ran when the test database was made).
        app.WithDb(db =>
        {
            var provider = db.Database.ProviderName!.Contains("Npgsql") ? "Postgres" : "Sqlite";
            using var stream = typeof(Lianxin.Migrations.MigrationRunner).Assembly.GetManifestResourceStream($"{provider}.0031_members_grid_roles.sql")!;
            // 0050 later renamed the column it clears (the phone is encrypted since).
            var sql = new StreamReader(stream).ReadToEnd().Replace("\"LeaderPhone\"", "\"LeaderPhoneCipher\"");
            return db.Database.ExecuteSqlRaw(sql[sql.IndexOf("INSERT INTO", StringComparison.Ordinal)..]);
        });
        // Raw SQL bypasses the maintained counts (ADR 0026); a real upgrade ran 0044's fill after 0031, so rebuild them here.
        await Aggregates.RebuildAllAsync(app.Services, default);

        var (linked, ambiguous, unknown, assignment) = app.WithDb(db => (db.Buildings.First(b => b.Id == one), db.Buildings.First(b => b.Id == two),
            db.Buildings.First(b => b.Id == none), db.BuildingLeaders.FirstOrDefault(l => l.BuildingId == one)));
        Assert.Equal((only, "迁移甲"), (linked.LeaderMemberId!.Value, linked.LeaderName!));
        Assert.Equal((only, one), (assignment!.MemberId, assignment.Id));
        Assert.Equal((null, "迁移乙"), (ambiguous.LeaderMemberId, ambiguous.LeaderName));
        Assert.Equal((null, "无此人"), (unknown.LeaderMemberId, unknown.LeaderName));
        var view = await ViewAsync(await app.ApiAs("secretary2"), units.xingfu.Id);
        var shown = view.Grids.SelectMany(g => g.Compounds).SelectMany(c => c.Buildings).ToDictionary(b => b.Id);
        Assert.Equal("迁移乙", shown[two].UnlinkedLeaderName);
        Assert.Equal("迁移甲", shown[one].LeaderName);
    }

    [Fact]
    public async Task The_pages_show_the_grid_view_and_the_public_recommendation_form()
    {
        var units = new MemberRosterTests(app).Units();
        var pages = await app.PagesAs("secretary");
        var html = await pages.GetStringAsync($"/members/grid-view?CommunityId={units.heping.Id}");
        Assert.Contains("后三级网格", html);
        Assert.Contains("无楼栋长", html);
        Assert.Contains("未关联", html);
        Assert.Contains("本网格尚无党员中心户", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync($"/members/grid-view?CommunityId={units.heping.Id}")).StatusCode);

        var compoundId = app.WithDb(db => db.Compounds.First(c => c.CommunityId == units.heping.Id && c.GridId != null).Id);
        var anonymous = app.CreateClient();
        var form = await anonymous.GetAsync($"/public/compounds/{compoundId}/central-households");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("推荐党员中心户", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/compounds/{Guid.NewGuid()}/central-households")).StatusCode);
    }
}
