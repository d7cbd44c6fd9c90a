using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Platform.Excel;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Members;

[Collection(AppCollection.Name)]
public class DualReportAndPostTests(LianxinApp app)
{
    [Fact]
    public async Task A_workplace_member_reports_claims_a_post_and_the_community_figures_follow()
    {
        var units = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var member = await app.ApiAs("member");
        var before = await secretary.GetFromJsonAsync<CommunityFiguresDto>($"/api/v1/dual-reports/figures?communityId={units.heping.Id}");
        Assert.True(before!.HeldElsewhere > 0);

        var report = await member.PostAsJsonAsync("/api/v1/dual-reports/me", new { communityId = units.heping.Id, skills = "法律咨询", availability = "周末" });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsJsonAsync("/api/v1/dual-reports/me", new { communityId = units.heping.Id })).StatusCode);
        var afterReport = await secretary.GetFromJsonAsync<CommunityFiguresDto>($"/api/v1/dual-reports/figures?communityId={units.heping.Id}");
        Assert.Equal(before.Reported + 1, afterReport!.Reported);
        Assert.Equal(before.NotYet - 1, afterReport.NotYet);

        // The secretary publishes a post; the member sees it and claims it with a pledge.
        var post = await (await secretary.PostAsJsonAsync("/api/v1/posts", new { orgUnitId = units.heping.Id, kind = "Vanguard", title = "测试先锋岗", duties = "每周值守", capacity = 2 }))
            .Content.ReadFromJsonAsync<PostDto>();
        var mine = await member.GetFromJsonAsync<List<PostDto>>("/api/v1/posts/mine");
        Assert.Contains(mine!, p => p.Id == post!.Id);
        var claim = await (await member.PostAsJsonAsync($"/api/v1/posts/{post!.Id}/claims", new { pledge = "每周六上午值守" })).Content.ReadFromJsonAsync<ClaimDto>();
        Assert.Equal(ClaimStatus.Pending, claim!.Status);
        Assert.Equal(afterReport.ActiveInPost, (await secretary.GetFromJsonAsync<CommunityFiguresDto>($"/api/v1/dual-reports/figures?communityId={units.heping.Id}"))!.ActiveInPost);

        // The neighbour cannot decide it; the secretary approves.
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/posts/claims/{claim.Id}/decision", new { approve = true, version = claim.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/dual-reports/figures?communityId={units.heping.Id}")).StatusCode);
        var approved = await secretary.PostAsJsonAsync($"/api/v1/posts/claims/{claim.Id}/decision", new { approve = true, version = claim.Version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await secretary.GetFromJsonAsync<CommunityFiguresDto>($"/api/v1/dual-reports/figures?communityId={units.heping.Id}");
        Assert.Equal(afterReport.ActiveInPost + 1, after!.ActiveInPost);
        var reports = await secretary.GetFromJsonAsync<List<DualReportDto>>($"/api/v1/dual-reports?communityId={units.heping.Id}");
        Assert.Equal(DualReportStatus.Active, reports!.First(r => r.Name == "李建华").Status);

        // Reporting back: the post and the pledge are in the period's workbook.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var bytes = await secretary.GetByteArrayAsync($"/api/v1/dual-reports/report-back.xlsx?communityId={units.heping.Id}&from={today.AddMonths(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var rows = Xlsx.Read(new MemoryStream(bytes));
        var lee = rows.First(r => r["姓名/单位"] == "李建华");
        Assert.Contains("测试先锋岗", lee["担任岗位"]);
        Assert.Contains("每周六上午值守", lee["承诺"]);
        Assert.Contains(rows, r => r["类型"] == "单位" && r["联络人"] == "周文静");
        // Read as Excel reads it: the report date a date cell, the post count a number.
        var sheet = ExcelBook.Open(bytes)["双报告"];
        sheet.AssertReadsLikeExcel();
        var line = sheet.Rows.First(r => (string?)sheet.Cell(r, "姓名/单位") == "李建华");
        Assert.IsType<DateTime>(sheet.Cell(line, "报到日期"));
        Assert.True(sheet.Cell(line, "岗位数") is double posts && posts >= 1);

        // The member card shows the duty and the pledge.
        var leeId = app.WithDb(db => db.Members.First(m => m.Name == "李建华" && m.UserId != null).Id);
        var card = await (await app.ApiAs("admin")).GetFromJsonAsync<MemberCard>($"/api/v1/members/{leeId}");
        Assert.Contains(card!.Duties, d => d.Title == "测试先锋岗");
    }

    [Fact]
    public async Task A_post_never_holds_more_than_its_capacity()
    {
        var units = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var post = await (await secretary.PostAsJsonAsync("/api/v1/posts", new { orgUnitId = units.heping.Id, kind = "BuildingLeader", title = "测试楼栋长", capacity = 1 }))
            .Content.ReadFromJsonAsync<PostDto>();
        var a = await (await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "岗位甲"))).Content.ReadFromJsonAsync<MemberDto>();
        var b = await (await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "岗位乙"))).Content.ReadFromJsonAsync<MemberDto>();
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/posts/{post!.Id}/assignments", new { memberId = a!.Id })).StatusCode);
        var full = await secretary.PostAsJsonAsync($"/api/v1/posts/{post.Id}/assignments", new { memberId = b!.Id });
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("岗位已满", await full.Content.ReadAsStringAsync());
        var bad = await secretary.PostAsJsonAsync("/api/v1/posts", new { orgUnitId = units.heping.Id, kind = "RoadChief", title = "路长", capacity = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_central_household_is_nominated_approved_given_households_and_counted_in_coverage()
    {
        var units = new MemberRosterTests(app).Units();
        var (memberId, gridId, households) = app.WithDb(db =>
        {
            var grid = db.Grids.Where(g => g.CommunityId == units.heping.Id).OrderBy(g => g.Code).Skip(1).First();
            var compound = db.Compounds.First(c => c.GridId == grid.Id);
            var m = db.Members.First(x => x.ResidenceCommunityId == units.heping.Id && x.Status == MemberStatus.Normal && !db.Set<CentralHousehold>().Any(c => c.MemberId == x.Id));
            var hs = db.Households.Where(h => db.Set<Lianxin.Web.Modules.Organizations.Domain.Building>().Any(b => b.Id == h.BuildingId && b.GridId == grid.Id)).OrderBy(h => h.Id).Take(5).Select(h => h.Id).ToList();
            return (m.Id, grid.Id, hs);
        });
        var secretary = await app.ApiAs("secretary");
        var ch = await (await secretary.PostAsJsonAsync("/api/v1/central-households", new { memberId, gridId, selfNominated = true })).Content.ReadFromJsonAsync<CentralHouseholdDto>();
        Assert.Equal(0, ch!.Recommenders);
        var coverage0 = (await secretary.GetFromJsonAsync<List<GridCoverage>>($"/api/v1/central-households/coverage?communityId={units.heping.Id}"))!.First(g => g.GridId == gridId);

        // The grid leader may not approve; the community may.
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync($"/api/v1/central-households/{ch.Id}/households", new { householdIds = households, version = ch.Version })).StatusCode);
        ch = await (await secretary.PostAsJsonAsync($"/api/v1/central-households/{ch.Id}/decision", new { approve = true, version = ch.Version })).Content.ReadFromJsonAsync<CentralHouseholdDto>();
        ch = await (await secretary.PutAsJsonAsync($"/api/v1/central-households/{ch!.Id}/households", new { householdIds = households, version = ch.Version })).Content.ReadFromJsonAsync<CentralHouseholdDto>();
        Assert.Equal(5, ch!.LookedAfter);
        var coverage = (await secretary.GetFromJsonAsync<List<GridCoverage>>($"/api/v1/central-households/coverage?communityId={units.heping.Id}"))!.First(g => g.GridId == gridId);
        Assert.Equal(coverage0.LookedAfter + 5, coverage.LookedAfter);
        Assert.Equal(CentralHousehold.Coverage(coverage.LookedAfter, coverage.Households), coverage.Coverage);
    }

    [Fact]
    public async Task A_unit_reports_with_a_liaison_and_a_zone_names_who_answers_for_it()
    {
        var units = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var partner = app.WithDb(db => db.PartnerUnit(db.OrgUnits.Single(u => u.Id == units.heping.Id), "测试共建单位"));
        var unit = await secretary.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = units.heping.Id, partnerUnitId = partner.Id, liaison = "王联络", offers = "场地" });
        Assert.Equal(HttpStatusCode.OK, unit.StatusCode);
        var noLiaison = await secretary.PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = units.heping.Id, partnerUnitId = partner.Id });
        Assert.Equal(HttpStatusCode.BadRequest, noLiaison.StatusCode);
        Assert.Contains("请输入联络人", await noLiaison.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PostAsJsonAsync("/api/v1/dual-reports/units", new { communityId = units.heping.Id, partnerUnitId = partner.Id, liaison = "某" })).StatusCode);

        var m = await (await secretary.PostAsJsonAsync("/api/v1/members", MemberRosterTests.NewMember(units.hepingGrid.Id, "责任区甲"))).Content.ReadFromJsonAsync<MemberDto>();
        var zone = await secretary.PostAsJsonAsync("/api/v1/zones", new { communityId = units.heping.Id, name = "阳光花园1-3号楼责任区", area = "阳光花园1—3号楼", memberIds = new[] { m!.Id } });
        Assert.Equal(HttpStatusCode.OK, zone.StatusCode);
        Assert.Contains("责任区甲", (await zone.Content.ReadFromJsonAsync<ZoneDto>())!.Responsible);
        var empty = await secretary.PostAsJsonAsync("/api/v1/zones", new { communityId = units.heping.Id, name = "空责任区", area = "某路", memberIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
