using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.OrgLife;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

/// <summary>
/// 流动党员: a member working away is marked with where they are, the mobile-member branch they join, an encrypted contact phone and how they
/// take part; both branches list them, the phone is masked for those who may not see it, and the span ends with history.
/// </summary>
[Collection(AppCollection.Name)]
public class MobileMembersTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    (Guid Id, string Path) StreetMobileBranch() => app.WithDb(db => db.OrgUnits.Where(u => u.ShortName == "东湖街道流动党员党支部").Select(u => new ValueTuple<Guid, string>(u.Id, u.Path)).Single());

    [Fact]
    public async Task A_member_working_away_shows_on_both_branches_with_the_phone_encrypted_and_masked_and_coming_back_keeps_the_history()
    {
        var branch = app.NewBranch("流出测试支部");
        var member = app.Joined(branch, "外出务工党员", new DateOnly(2012, 7, 1));
        var mobile = StreetMobileBranch();
        var secretary = await app.ApiAs("secretary");

        var marked = await secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile", new
        {
            city = "浙江省杭州市", workplace = "杭州某物流有限公司", mobileBranchId = mobile.Id, contactPhone = "13857160231",
            onlineMeetings = true, reports = true, startedOn = Today.AddDays(-30),
        });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var row = await Json(marked);
        Assert.Equal("13857160231", row.GetProperty("contactPhone").GetString());
        Assert.Equal("线上参加组织生活、定期汇报思想和工作", row.GetProperty("participation").GetString());
        var spanId = row.GetProperty("id").GetGuid();

        // Stored encrypted; the roster shows them as 流动党员 with where they went.
        var stored = app.WithDb(db => db.MobileMemberships.Single(x => x.Id == spanId));
        Assert.DoesNotContain("13857160231", stored.ContactPhoneCipher);
        Assert.Equal("13857160231", app.Services.GetRequiredService<PersonalData>().Decrypt(stored.ContactPhoneCipher!));
        Assert.Equal((Employment.Floating, "浙江省杭州市"), app.WithDb(db => db.Members.Where(m => m.Id == member.Id).Select(m => new ValueTuple<Employment, string?>(m.Employment, m.FloatingTo)).Single()));

        // The community's staff see the branch's list with the phone masked; the street sees the row at its mobile branch.
        var staffList = await (await app.ApiAs("staff")).GetFromJsonAsync<JsonElement>($"/api/v1/members/mobile?unitId={branch.Id}");
        var seen = Assert.Single(staffList.GetProperty("rows").EnumerateArray());
        Assert.Equal("138****0231", seen.GetProperty("contactPhone").GetString());
        Assert.Equal(1, staffList.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("branchPath").GetString() == branch.Path).GetProperty("away").GetInt32());
        var streetList = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/members/mobile?unitId={mobile.Id}");
        Assert.Contains(streetList.GetProperty("rows").EnumerateArray(), r => r.GetProperty("memberId").GetGuid() == member.Id);
        Assert.True(streetList.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("branchPath").GetString() == mobile.Path).GetProperty("hosted").GetInt32() >= 1);

        // One span at a time; the neighbouring community does not find the member.
        var twice = await secretary.PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile", new { city = "上海市", mobileBranchId = mobile.Id, startedOn = Today });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("外出务工党员已登记为流动党员，请先结束当前的外出登记。", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/members/{member.Id}/mobile")).StatusCode);

        var ended = await secretary.PostAsJsonAsync($"/api/v1/members/mobile/{spanId}/end", new { endedOn = Today, reason = "返乡就业", version = row.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var history = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member.Id}/mobile");
        Assert.Equal(JsonValueKind.Null, history.GetProperty("current").ValueKind);
        var past = Assert.Single(history.GetProperty("past").EnumerateArray());
        Assert.Equal(("浙江省杭州市", "返乡就业"), (past.GetProperty("city").GetString(), past.GetProperty("endReason").GetString()));
        Assert.Equal(Employment.InService, app.WithDb(db => db.Members.Single(m => m.Id == member.Id).Employment));
        Assert.Empty((await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members/mobile?unitId={branch.Id}")).GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_Chinese_field_errors_and_changes_nothing()
    {
        var branch = app.NewBranch("流出校验支部");
        var member = app.Joined(branch, "校验党员", new DateOnly(2015, 7, 1));
        var r = await (await app.ApiAs("secretary")).PostAsJsonAsync($"/api/v1/members/{member.Id}/mobile", new
        {
            city = "", mobileBranchId = branch.Id, contactPhone = "12345", startedOn = Today.AddDays(3),
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var errors = (await Json(r)).GetProperty("errors");
        Assert.Equal("请填写外出所在城市。", errors.GetProperty("City")[0].GetString());
        Assert.Equal("流动党员党支部不能是其组织关系所在的支部。", errors.GetProperty("MobileBranchId")[0].GetString());
        Assert.Equal("联系电话应为 11 位手机号码。", errors.GetProperty("ContactPhone")[0].GetString());
        Assert.Equal("外出日期不能晚于今天。", errors.GetProperty("StartedOn")[0].GetString());
        Assert.False(app.WithDb(db => db.MobileMemberships.Any(x => x.MemberId == member.Id)));
    }

    [Fact]
    public void The_mobile_figure_counts_members_away_at_the_end_of_the_period_by_the_branch_holding_them()
    {
        var (branchPath, communityPath, result) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var pd = sp.GetRequiredService<PersonalData>();
            // A street of its own: other tests count the demo street's communities.
            var street = db.Unit(db.OrgUnits.Single(u => u.Kind == Web.Modules.Organizations.Contracts.OrgKind.District), Web.Modules.Organizations.Contracts.OrgKind.Street, "流动指标测试街道");
            var community = db.Unit(street, Web.Modules.Organizations.Contracts.OrgKind.Community, "流动指标社区");
            var home = db.Unit(community, Web.Modules.Organizations.Contracts.OrgKind.Branch, "流动指标支部");
            var host = db.Unit(street, Web.Modules.Organizations.Contracts.OrgKind.Branch, "指标流动党员党支部");
            MobileMembership Span(Member m, DateOnly from, DateOnly? to) => new()
            {
                MemberId = m.Id, MemberName = m.Name, OrgPath = m.OrgPath, City = "杭州", MobileBranchId = host.Id, MobileBranchPath = host.Path,
                StartedOn = from, EndedOn = to, RecordedAt = DateTime.UtcNow, RecordedBy = "test",
            };
            var away = db.Member(pd, home, "外出甲");
            var back = db.Member(pd, home, "已返回乙");
            var expelled = db.Member(pd, home, "已出党丙", MemberStatus.Expelled);
            db.MobileMemberships.AddRange(Span(away, new(2026, 3, 1), null), Span(back, new(2026, 1, 1), new(2026, 5, 1)), Span(expelled, new(2026, 1, 1), null));
            db.SaveChanges();
            var source = sp.GetServices<IIndicatorSource>().OfType<MemberIndicators>().Single();
            var i = Assert.Single(source.Indicators, x => x.Code == "members.mobile");
            Assert.Equal(("流动党员数", IndicatorRollup.Sum), (i.Name, i.Rollup));
            int At(string path, DateOnly to) => (int)source.ReadAsync(["members.mobile"], [path], to, to, CancellationToken.None).GetAwaiter().GetResult()[("members.mobile", path)].Numerator;
            // 1 April: both away (the expelled member is off the roster); 1 May: the second is back that day; February: only the second had left.
            return (home.Path, community.Path, new[] { At(home.Path, new(2026, 4, 1)), At(home.Path, new(2026, 5, 1)), At(community.Path, new(2026, 2, 1)), At(host.Path, new(2026, 4, 1)) });
        });
        Assert.Equal(new[] { 2, 1, 1, 0 }, result);
        Assert.NotEqual(branchPath, communityPath);
    }
}
