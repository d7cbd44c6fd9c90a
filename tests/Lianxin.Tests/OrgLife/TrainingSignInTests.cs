using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class TrainingSignInTests(LianxinApp app)
{
    static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(20).AddHours(6);

    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    Outcome<SignedIn> Scan(string userName, FakeTimeProvider clock, string token) =>
        app.As(userName, (sp, db) => SignInByCode.HandleAsync(db, sp.GetRequiredService<MemberDirectory>(), TrainingBuild.Codes(sp, clock), clock, token, default));

    [Fact]
    public void A_member_signs_in_as_themselves_with_a_genuine_code_and_a_tampered_expired_or_foreign_scan_is_refused_in_Chinese()
    {
        var branch = app.NewBranch("扫码支部");
        var (me, myAccount) = app.MemberWithAccount(branch, "扫码党员");
        var (_, outsider) = app.MemberWithAccount(app.WithDb(db => db.Unit(app.Xingfu(), Lianxin.Web.Modules.Organizations.Contracts.OrgKind.Branch, "幸福测试支部" + Guid.NewGuid().ToString("N")[..4])), "外社区党员");
        var session = app.Session(app.Heping(), Start);
        var clock = new FakeTimeProvider(Start.AddMinutes(-10));
        var token = app.WithScope(sp => TrainingBuild.Codes(sp, clock).TokenFor(session));

        var early = new FakeTimeProvider(Start.AddHours(-3));
        Assert.Equal("培训开始前 1 小时起才能签到。", Scan(myAccount, early, token).Message);

        var ok = Scan(myAccount, clock, token);
        Assert.True(ok.IsOk, ok.Message);
        Assert.Equal("扫码党员", ok.Value!.Name);
        Assert.False(ok.Value.Already);
        var record = app.WithDb(db => db.TrainingRecords.Single(r => r.SessionId == session.Id));
        Assert.Equal((me.Id, TrainingNames.Scanned, branch.Path), (record.MemberId, record.SignedInBy, record.OrgPath));
        Assert.True(Scan(myAccount, clock, token).Value!.Already);

        var tampered = token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA");
        var forged = Scan(myAccount, clock, tampered);
        Assert.Equal(OutcomeKind.Invalid, forged.Kind);
        Assert.Equal(TrainingCodes.BadCode, forged.Errors!["Token"].Single());

        var late = new FakeTimeProvider(Start.AddHours(2) + TrainingCodes.ClosesAfterEnd + TimeSpan.FromMinutes(1));
        Assert.Equal(TrainingCodes.BadCode, Scan(myAccount, late, token).Errors!["Token"].Single());

        var foreign = Scan(outsider, clock, token);
        Assert.Equal(OutcomeKind.Conflict, foreign.Kind);
        Assert.Equal("您不在本次培训的参训范围内，如需参加请联系组织方。", foreign.Message);
        Assert.Equal(1, app.WithDb(db => db.TrainingRecords.Count(r => r.SessionId == session.Id)));
    }

    [Fact]
    public void A_session_by_invitation_takes_only_those_the_organiser_enrolled()
    {
        var branch = app.NewBranch("三委支部");
        var (invited, invitedAccount) = app.MemberWithAccount(branch, "社区委员");
        var (_, otherAccount) = app.MemberWithAccount(branch, "普通党员");
        var session = app.Session(app.Heping(), Start.AddDays(1), who: TrainingAudience.Invited);
        var clock = new FakeTimeProvider(Start.AddDays(1));
        var token = app.WithScope(sp => TrainingBuild.Codes(sp, clock).TokenFor(session));

        Assert.Equal(Trainings.NotInAudience, Scan(invitedAccount, clock, token).Message);
        var enrolled = app.As("secretary", (sp, db) => EnrolMembers.HandleAsync(db, sp.GetRequiredService<MemberDirectory>(), clock, session.Id, new EnrolRequest([invited.Id]), default));
        Assert.Equal(1, enrolled.Value!.Added);
        Assert.True(Scan(invitedAccount, clock, token).IsOk);
        Assert.Equal(Trainings.NotInAudience, Scan(otherAccount, clock, token).Message);
    }

    [Fact]
    public async Task The_organiser_arranges_a_session_signs_in_by_hand_enters_scores_and_sees_a_ranking_with_ties_others_get_404()
    {
        var branch = app.NewBranch("成绩支部");
        var (a, aAccount) = app.MemberWithAccount(branch, "甲党员");
        var b = app.Joined(branch, "乙党员", new DateOnly(2020, 1, 1));
        var c = app.Joined(branch, "丙党员", new DateOnly(2020, 1, 1));
        var api = await app.ApiAs("secretary");
        var today = DateTime.UtcNow.AddHours(8);

        var bad = await api.PostAsJsonAsync("/api/v1/orglife/trainings", new { organiserId = app.Heping().Id, kind = "Drill", title = "", date = (string?)null, startTime = "10:00:00", endTime = "09:00:00", place = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "请填写培训主题。", "请填写培训日期。", "结束时间须晚于开始时间。", "请填写培训地点（线上培训填写平台或会议号）。" }) Assert.Contains(m, text);

        var created = await api.PostAsJsonAsync("/api/v1/orglife/trainings", new
        {
            organiserId = app.Heping().Id, kind = "Drill", title = "月练兵：政策测试", audienceUnitId = branch.Id, audience = "Roster",
            date = today.ToString("yyyy-MM-dd"), startTime = "00:00:00", endTime = "23:59:00", place = "社区活动室",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/trainings/{id}");
        var path = detail.GetProperty("signInPath").GetString()!;
        var token = Uri.UnescapeDataString(path[(path.IndexOf("t=", StringComparison.Ordinal) + 2)..]);

        var scanned = await (await app.ApiAs(aAccount)).PostAsJsonAsync("/api/v1/orglife/trainings/scan", new { token });
        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        foreach (var m in new[] { b, c }) Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/orglife/trainings/{id}/sign-in", new { memberId = m.Id })).StatusCode);
        var stranger = app.Joined(app.NewBranch("别的支部"), "外支部党员", new DateOnly(2020, 1, 1));
        var refused = await api.PostAsJsonAsync($"/api/v1/orglife/trainings/{id}/sign-in", new { memberId = stranger.Id });
        Assert.Contains("该党员不在参训单位的党员名册中，不能签到。", await refused.Content.ReadAsStringAsync());

        var outOfRange = await api.PutAsJsonAsync($"/api/v1/orglife/trainings/{id}/scores", new { scores = new[] { new { memberId = a.Id, score = (int?)101 } } });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("成绩须在 0 到 100 分之间。", await outOfRange.Content.ReadAsStringAsync());
        var scores = await api.PutAsJsonAsync($"/api/v1/orglife/trainings/{id}/scores", new
        {
            scores = new[] { new { memberId = a.Id, score = (int?)88 }, new { memberId = b.Id, score = (int?)95 }, new { memberId = c.Id, score = (int?)88 } },
        });
        Assert.Equal(HttpStatusCode.OK, scores.StatusCode);

        var ranking = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/orglife/trainings/{id}")).GetProperty("ranking").EnumerateArray()
            .Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("item").GetProperty("name").GetString())).ToList();
        Assert.Equal([(1, "乙党员"), (2, "丙党员"), (2, "甲党员")], ranking);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/orglife/trainings/{id}")).StatusCode);
    }
}
