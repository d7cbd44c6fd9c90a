using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.OrgLife;

[Collection(AppCollection.Name)]
public class ArrearsTests(LianxinApp app)
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    /// <summary>A branch with a first half of 2026 that keeps some rules and not others; one member missed the last three meetings.</summary>
    (Web.Modules.Organizations.Domain.OrgUnit Branch, string Truant) Arrange()
    {
        var branch = app.NewBranch();
        var truant = app.Joined(branch, "钱缺席", D("2015-01-01"));
        var keen = app.Joined(branch, "孙积极", D("2015-01-01"));
        app.WithDb(db =>
        {
            db.Meeting(branch, MeetingKind.BranchCommittee, D("2026-01-06"));
            db.Meeting(branch, MeetingKind.BranchCommittee, D("2026-03-06"));
            db.Meeting(branch, MeetingKind.BranchCommittee, D("2026-05-06"), late: true); // not approved: does not count
            db.Meeting(branch, MeetingKind.BranchAssembly, D("2026-03-20"));
            for (var month = 1; month <= 6; month++)
            {
                var day = db.Meeting(branch, MeetingKind.PartyDay, new DateOnly(2026, month, 15));
                db.Mark(day, keen, month == 2 ? AttendanceState.Leave : AttendanceState.Present);
                db.Mark(day, truant, month >= 4 ? (month == 5 ? AttendanceState.OnDuty : AttendanceState.Absent) : AttendanceState.Late);
            }
            return 0;
        });
        return (branch, truant.Name);
    }

    [Fact]
    public async Task The_street_sees_which_meetings_a_branch_owes_since_when_its_attendance_and_who_missed_three_in_a_row()
    {
        var (branch, truant) = Arrange();
        var report = await (await app.ApiAs("street")).GetFromJsonAsync<JsonElement>($"/api/v1/orglife/arrears?unitId={branch.Id}&from=2026-01-01&to=2026-06-30");

        var b = Assert.Single(report.GetProperty("branches").EnumerateArray());
        // Due in H1 by the defaults: committee 6, group 6, party day 6, assembly 2, lecture 2 (yearly ones not yet).
        Assert.Equal(22, b.GetProperty("required").GetInt32());
        Assert.Equal(2 + 0 + 6 + 1 + 0, b.GetProperty("credited").GetInt32());
        var owed = b.GetProperty("arrears").EnumerateArray().ToDictionary(a => a.GetProperty("kind").GetString()!, a => (a.GetProperty("owed").GetInt32(), a.GetProperty("since").GetString()));
        Assert.Equal(new Dictionary<string, (int, string?)>
        {
            ["BranchAssembly"] = (1, "2026-04-01"), ["BranchCommittee"] = (4, "2026-02-01"), ["GroupMeeting"] = (6, "2026-01-01"), ["PartyLecture"] = (2, "2026-01-01"),
        }, owed);
        Assert.Equal(1, b.GetProperty("lateUnapproved").GetInt32());
        Assert.Equal(12, b.GetProperty("marked").GetInt32());
        Assert.Equal(5 + 3, b.GetProperty("attended").GetInt32());
        var flagged = Assert.Single(b.GetProperty("flagged").EnumerateArray());
        Assert.Equal((truant, 3), (flagged.GetProperty("name").GetString(), flagged.GetProperty("absences").GetInt32()));
        Assert.Equal(1, report.GetProperty("owing").GetInt32());
    }

    [Fact]
    public async Task Bad_spans_are_refused_in_Chinese_and_another_communitys_branch_is_not_found()
    {
        var branch = app.NewBranch();
        var street = await app.ApiAs("street");
        var bad = await street.GetAsync($"/api/v1/orglife/arrears?unitId={branch.Id}&from=2026-06-30&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("截止日期不能早于起始日期。", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).GetAsync($"/api/v1/orglife/arrears?unitId={branch.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_indicators_are_defined_for_leaders_and_read_as_ratios_of_sums()
    {
        var (branch, _) = Arrange();
        // A scope of its own that lives until the read is done (the test host's WithScope ends when its callback returns).
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        var catalog = scope.ServiceProvider.GetRequiredService<IndicatorCatalog>();
        string[] meetingCodes = ["orglife.meetings_held", "orglife.compliance_rate", "orglife.attendance_rate"];
        var indicators = catalog.All.Where(i => meetingCodes.Contains(i.Code)).ToList();
        var values = await catalog.ReadAsync(["orglife.meetings_held", "orglife.compliance_rate", "orglife.attendance_rate"], [branch.Path], D("2026-01-01"), D("2026-06-30"), default);

        Assert.Equal(meetingCodes, indicators.Select(i => i.Code));
        Assert.Equal((IndicatorUnit.Count, IndicatorRollup.Sum), (indicators[0].Unit, indicators[0].Rollup));
        Assert.All(indicators.Skip(1), i => Assert.Equal((IndicatorUnit.Percent, IndicatorRollup.RatioOfSums), (i.Unit, i.Rollup)));
        Assert.All(indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Definition)));
        Assert.Equal("组织生活落实率", indicators[1].Name);

        Assert.Equal(new IndicatorValue(2 + 1 + 6), values[("orglife.meetings_held", branch.Path)]);
        Assert.Equal(new IndicatorValue(9, 22), values[("orglife.compliance_rate", branch.Path)]);
        Assert.Equal(new IndicatorValue(8, 12), values[("orglife.attendance_rate", branch.Path)]);
    }
}
