using Lianxin.Web.Modules.OrgLife.Domain;

namespace Lianxin.Tests.OrgLife;

/// <summary>The arithmetic the arrears page rests on: calendar periods, what is due in a span, late entries, absence streaks.</summary>
public class ComplianceArithmeticTests
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData("2026-05-17", 1, "2026-05-01", "2026-05-31")]
    [InlineData("2026-02-10", 1, "2026-02-01", "2026-02-28")]
    [InlineData("2024-02-10", 1, "2024-02-01", "2024-02-29")]
    [InlineData("2026-05-17", 3, "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", 3, "2026-10-01", "2026-12-31")]
    [InlineData("2026-01-01", 3, "2026-01-01", "2026-03-31")]
    [InlineData("2026-07-01", 6, "2026-07-01", "2026-12-31")]
    [InlineData("2026-05-17", 12, "2026-01-01", "2026-12-31")]
    public void A_day_lies_in_its_calendar_month_quarter_half_or_year(string day, int months, string start, string end) =>
        Assert.Equal((D(start), D(end)), Compliance.PeriodOf(D(day), months));

    [Fact]
    public void Only_periods_that_end_inside_the_span_are_due()
    {
        // 15 Feb to 30 Nov: quarters Q1 (it ends in the span), Q2, Q3; Q4 is still running; the year is not due.
        Assert.Equal([(D("2026-01-01"), D("2026-03-31")), (D("2026-04-01"), D("2026-06-30")), (D("2026-07-01"), D("2026-09-30"))],
            Compliance.PeriodsDue(3, D("2026-02-15"), D("2026-11-30")));
        Assert.Empty(Compliance.PeriodsDue(12, D("2026-01-01"), D("2026-11-30")));
        Assert.Single(Compliance.PeriodsDue(12, D("2026-01-01"), D("2026-12-31")));
        Assert.Equal(10, Compliance.PeriodsDue(1, D("2026-02-15"), D("2026-11-30")).Count());
        Assert.Equal(13, Compliance.PeriodsDue(1, D("2025-12-01"), D("2026-12-31")).Count());
    }

    [Fact]
    public void Arrears_count_each_period_short_of_its_minimum_from_the_oldest_and_extra_meetings_do_not_make_up_for_a_missed_period()
    {
        var rules = new[] { (MeetingKind.BranchCommittee, 1, 1), (MeetingKind.BranchAssembly, 3, 1), (MeetingKind.PartyLecture, 3, 2), (MeetingKind.LifeMeeting, 12, 1) };
        var held = new List<(MeetingKind, DateOnly)>
        {
            (MeetingKind.BranchCommittee, D("2026-01-05")), (MeetingKind.BranchCommittee, D("2026-01-20")), // two in January do not cover February
            (MeetingKind.BranchCommittee, D("2026-03-05")), (MeetingKind.BranchCommittee, D("2026-06-30")),
            (MeetingKind.BranchAssembly, D("2026-03-31")),
            (MeetingKind.PartyLecture, D("2026-02-01")), (MeetingKind.PartyLecture, D("2026-04-01")),
        };
        var a = Compliance.Assess(rules, held, D("2026-01-01"), D("2026-06-30"));

        // Committee: 6 months due, Jan/Mar/Jun held → owes Feb, Apr, May. Assembly: Q1 held, Q2 owed.
        // Lecture: 2 a quarter → Q1 owes 1, Q2 owes 1. Life meeting: the year is not over, nothing due.
        Assert.Equal(6 + 2 + 4, a.Required);
        Assert.Equal(3 + 1 + 2, a.Credited);
        Assert.Equal([new Arrear(MeetingKind.BranchCommittee, 3, D("2026-02-01")), new Arrear(MeetingKind.BranchAssembly, 1, D("2026-04-01")),
            new Arrear(MeetingKind.PartyLecture, 2, D("2026-01-01"))], a.Arrears);
    }

    [Fact]
    public void A_kind_not_required_is_never_owed()
    {
        var a = Compliance.Assess([(MeetingKind.GroupMeeting, 0, 0), (MeetingKind.PartyDay, 1, 0)], [], D("2026-01-01"), D("2026-06-30"));
        Assert.Equal(0, a.Required);
        Assert.Empty(a.Arrears);
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-17T15:59:00Z", 7, false)] // 23:59 on the 17th in Beijing: day 7
    [InlineData("2026-03-10", "2026-03-17T16:00:00Z", 7, true)]  // 00:00 on the 18th in Beijing: day 8
    [InlineData("2026-03-10", "2026-03-10T01:00:00Z", 0, false)]
    [InlineData("2026-03-10", "2026-03-11T01:00:00Z", 0, true)]
    [InlineData("2026-03-10", "2026-03-01T01:00:00Z", 7, false)] // entered ahead: a plan
    public void An_entry_is_late_when_made_more_than_the_window_after_the_meeting_in_Beijing_days(string heldOn, string recordedAt, int window, bool late) =>
        Assert.Equal(late, Compliance.IsLateEntry(D(heldOn), DateTime.Parse(recordedAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal), window));

    [Fact]
    public void The_absence_streak_counts_the_latest_meetings_missed_in_a_row_whatever_the_reason()
    {
        Assert.Equal(3, Compliance.AbsentStreak([AttendanceState.Absent, AttendanceState.Present, AttendanceState.Leave, AttendanceState.Absent, AttendanceState.OnDuty]));
        Assert.Equal(0, Compliance.AbsentStreak([AttendanceState.Absent, AttendanceState.Absent, AttendanceState.Absent, AttendanceState.Late]));
        Assert.Equal(0, Compliance.AbsentStreak([]));
    }
}
