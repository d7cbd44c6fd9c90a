using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Targets;

[Collection(AppCollection.Name)]
public class KeyTargetTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    static JsonElement Row(JsonElement board, string community) =>
        board.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("community").GetString() == community);

    [Fact]
    public async Task A_compound_getting_its_own_branch_moves_the_target_and_the_first_to_finish_is_ranked_first()
    {
        // A street of its own, so that its communities are only the ones this test builds.
        var (street, a, b, compounds) = app.WithDb(db =>
        {
            var district = db.OrgUnits.First(u => u.Kind == OrgKind.District);
            var s = db.Unit(district, OrgKind.Street, "目标测试街道" + Guid.NewGuid().ToString("N")[..4]);
            var ca = db.Unit(s, OrgKind.Community, "甲社区");
            var cb = db.Unit(s, OrgKind.Community, "乙社区");
            var list = new List<Compound>();
            foreach (var (c, n) in new[] { (ca, 2), (cb, 2) })
                for (var i = 1; i <= n; i++) list.Add(new Compound { CommunityId = c.Id, OrgPath = c.Path, Name = $"{c.Name}{i}号小区" });
            db.Compounds.AddRange(list);
            db.SaveChanges();
            return (s, ca, cb, list);
        });
        var api = await app.ApiAs("admin");
        var today = app.WithScope(sp => sp.GetRequiredService<TimeProvider>().Today());
        var bad = await api.PostAsJsonAsync("/api/v1/targets", new { setByUnitId = street.Id, title = "", indicatorCode = "org.nothing", quotaKind = "ShareOfBase", quota = 150 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写任务名称。", body);
        Assert.Contains("没有这个指标。", body);
        Assert.Contains("请填写完成期限。", body);

        var created = await api.PostAsJsonAsync("/api/v1/targets", new
        {
            setByUnitId = street.Id, title = "小区党支部应建尽建", indicatorCode = "org.compound_branches", quotaKind = "ShareOfBase", quota = 50,
            baseIndicatorCode = "org.compounds", startOn = today.AddDays(-10), dueOn = today.AddDays(20),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await Json(created);
        var id = saved.GetProperty("id").GetGuid();
        Assert.Equal(2, saved.GetProperty("communities").GetInt32());

        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/{id}");
        Assert.Equal(0, Row(before, "甲社区").GetProperty("actual").GetDecimal());
        Assert.Equal(1, Row(before, "甲社区").GetProperty("required").GetDecimal());
        Assert.Equal("OnTrack", Row(before, "甲社区").GetProperty("status").GetString());

        // 拆—转—建: 乙社区's first compound gets its own branch, then 甲社区's.
        async Task GiveOwnBranch(OrgUnit community, Compound compound)
        {
            app.WithDb(db =>
            {
                var branch = db.Unit(community, OrgKind.Branch, compound.Name + "党支部", BranchKind.Compound);
                var c = db.Compounds.Single(x => x.Id == compound.Id);
                c.BranchId = branch.Id;
                c.OrgPath = branch.Path;
                return db.SaveChanges();
            });
            await app.RunJobAsync<TargetCompletionJob>();
        }
        await GiveOwnBranch(b, compounds.First(c => c.CommunityId == b.Id));
        await GiveOwnBranch(a, compounds.First(c => c.CommunityId == a.Id));

        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/targets/{id}");
        Assert.Equal(1, Row(after, "甲社区").GetProperty("actual").GetDecimal());
        Assert.Equal("Done", Row(after, "甲社区").GetProperty("status").GetString());
        Assert.Equal(1, Row(after, "乙社区").GetProperty("finishedRank").GetInt32());
        Assert.Equal(2, Row(after, "甲社区").GetProperty("finishedRank").GetInt32());
        Assert.Equal("乙社区", after.GetProperty("rows")[0].GetProperty("community").GetString());
        Assert.Equal(2, after.GetProperty("target").GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task A_community_reports_a_manual_target_with_evidence_sees_only_its_own_part_and_a_late_one_is_marked()
    {
        var heping = Unit("和平社区党委");
        var street = Unit("东湖街道党工委");
        var today = app.WithScope(sp => sp.GetRequiredService<TimeProvider>().Today());
        var streetApi = await app.ApiAs("street");
        var created = await streetApi.PostAsJsonAsync("/api/v1/targets", new
        {
            setByUnitId = street.Id, title = "红色议事会议题协商" + Guid.NewGuid().ToString("N")[..4], manualUnit = "次", quotaKind = "Number", quota = 3,
            startOn = today.AddDays(-30), dueOn = today.AddDays(-1),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();

        var secretary = await app.ApiAs("secretary");
        var board = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/targets/{id}");
        var mine = Assert.Single(board.GetProperty("rows").EnumerateArray());
        Assert.Equal("Late", mine.GetProperty("status").GetString());
        var part = mine.GetProperty("assignmentId").GetGuid();

        var noEvidence = await secretary.PostAsJsonAsync($"/api/v1/targets/parts/{part}/progress", new { value = 3, note = "", version = mine.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("请填写佐证说明", await noEvidence.Content.ReadAsStringAsync());

        var ok = await secretary.PostAsJsonAsync($"/api/v1/targets/parts/{part}/progress",
            new { value = 3, note = "3 月、4 月、5 月各召开一次，会议记录存社区档案室", version = mine.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await Json(ok)).GetProperty("completed").GetBoolean());

        var streetBoard = await streetApi.GetFromJsonAsync<JsonElement>($"/api/v1/targets/{id}");
        Assert.Equal("Done", Row(streetBoard, heping.ShortName).GetProperty("status").GetString());
        Assert.Equal(1, Row(streetBoard, heping.ShortName).GetProperty("finishedRank").GetInt32());
        Assert.Contains(streetBoard.GetProperty("rows").EnumerateArray(), r => r.GetProperty("status").GetString() == "Late");

        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/v1/targets/parts/{part}/progress", new { value = 1, note = "x", version = 0 })).StatusCode);
    }

    [Fact]
    public void A_share_quota_rounds_up_and_nothing_required_is_done()
    {
        Assert.Equal(5, TargetRules.Required(QuotaKind.ShareOfBase, 60, 7));
        Assert.Equal(3, TargetRules.Required(QuotaKind.Number, 3, 99));
        Assert.Equal(TargetStatus.Done, TargetRules.Status(0, 0, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1)));
        Assert.Equal(TargetStatus.Late, TargetRules.Status(1, 2, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)));
        Assert.Equal(50, TargetRules.Percent(1, 2));
    }
}
