using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Calendar;

namespace Lianxin.Tests.Demands;

public class DemandRulesTests
{
    // 2026-11-23 is a Monday; times below are UTC (Beijing = UTC+8).
    static DateTime Beijing(int day, int hour, int minute = 0) => new DateTime(2026, 11, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void Working_hours_skip_nights_and_weekends()
    {
        var cal = WorkingCalendar.WeekendsOnly;
        // Friday 16:00 + 4 working hours = Monday 12:00.
        Assert.Equal(Beijing(30, 12), cal.AddWorkingHours(Beijing(27, 16), 4));
        // Saturday night counts from Monday 09:00.
        Assert.Equal(Beijing(30, 11), cal.AddWorkingHours(Beijing(28, 22), 2));
        // Before opening hours counts from 09:00 the same day.
        Assert.Equal(Beijing(24, 10), cal.AddWorkingHours(Beijing(24, 7), 1));
        // Within a day.
        Assert.Equal(Beijing(24, 15, 30), cal.AddWorkingHours(Beijing(24, 9, 30), 6));
    }

    [Fact]
    public void Working_days_land_on_the_same_hour_that_many_working_days_later()
    {
        var cal = WorkingCalendar.WeekendsOnly;
        // Thursday 10:00 + 3 working days = next Tuesday 10:00.
        Assert.Equal(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), cal.AddWorkingDays(Beijing(26, 10), 3));
        // A holiday is skipped like a weekend.
        var withHoliday = new WorkingCalendar([new DateOnly(2026, 11, 30)]);
        Assert.Equal(new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc), withHoliday.AddWorkingDays(Beijing(26, 10), 3));
    }

    [Fact]
    public void Working_hours_between_two_moments_ignore_the_weekend()
    {
        var cal = WorkingCalendar.WeekendsOnly;
        Assert.Equal(4, cal.WorkingHoursBetween(Beijing(27, 15), Beijing(30, 11)));
        Assert.Equal(0, cal.WorkingHoursBetween(Beijing(28, 10), Beijing(29, 18)));
        Assert.Equal(0, cal.WorkingHoursBetween(Beijing(30, 11), Beijing(27, 15)));
    }

    [Fact]
    public void Each_state_and_level_allows_only_its_actions()
    {
        Assert.Contains(DemandAction.Escalate, DemandRules.Allowed(DemandState.Submitted, DemandLevel.Grid));
        Assert.DoesNotContain(DemandAction.Dispatch, DemandRules.Allowed(DemandState.Submitted, DemandLevel.Grid));
        Assert.Contains(DemandAction.Dispatch, DemandRules.Allowed(DemandState.Accepted, DemandLevel.Street));
        Assert.DoesNotContain(DemandAction.Escalate, DemandRules.Allowed(DemandState.Accepted, DemandLevel.Street));
        Assert.Empty(DemandRules.Allowed(DemandState.Closed, DemandLevel.Community));
        Assert.Empty(DemandRules.Allowed(DemandState.Dispatched, DemandLevel.Street));
        Assert.Null(DemandRules.Check(DemandState.Accepted, DemandLevel.Grid, DemandAction.Resolve));
        Assert.Equal("诉求当前为“已办结”（社区级），不能执行“受理”。", DemandRules.Check(DemandState.Closed, DemandLevel.Community, DemandAction.Accept));
    }

    [Fact]
    public void Levels_go_up_to_the_street_and_returns_go_down_to_the_resident()
    {
        Assert.Equal(DemandLevel.Community, DemandRules.Above(DemandLevel.Grid));
        Assert.Equal(DemandLevel.Street, DemandRules.Above(DemandLevel.Community));
        Assert.Null(DemandRules.Above(DemandLevel.Street));
        Assert.Equal((DemandState.Submitted, DemandLevel.Community), DemandRules.AfterReturn(DemandLevel.Street, DemandLevel.Grid));
        Assert.Equal((DemandState.Submitted, DemandLevel.Grid), DemandRules.AfterReturn(DemandLevel.Community, DemandLevel.Grid));
        Assert.Equal((DemandState.Rejected, DemandLevel.Community), DemandRules.AfterReturn(DemandLevel.Community, DemandLevel.Community));
        Assert.Equal((DemandState.Rejected, DemandLevel.Grid), DemandRules.AfterReturn(DemandLevel.Grid, DemandLevel.Grid));
    }

    [Fact]
    public void Dispatches_answer_once_and_the_street_takes_back_when_all_answered()
    {
        Assert.Null(DemandRules.CheckDispatch(DispatchState.Pending, DemandAction.DepartmentAccept));
        Assert.NotNull(DemandRules.CheckDispatch(DispatchState.Accepted, DemandAction.DepartmentAccept));
        Assert.NotNull(DemandRules.CheckDispatch(DispatchState.Reported, DemandAction.DepartmentReport));
        Assert.False(DemandRules.AllDispatchesAnswered([DispatchState.Reported, DispatchState.Accepted]));
        Assert.True(DemandRules.AllDispatchesAnswered([DispatchState.Reported, DispatchState.Returned]));
        Assert.False(DemandRules.AllDispatchesAnswered([]));
    }

    [Fact]
    public void Time_limits_grow_with_each_level_above_the_default()
    {
        Assert.Equal(new TimeLimit(4, 3), TimeLimit.For(4, 3, DemandLevel.Grid, DemandLevel.Grid, 2));
        Assert.Equal(new TimeLimit(4, 7), TimeLimit.For(4, 3, DemandLevel.Grid, DemandLevel.Street, 2));
        Assert.Equal(new TimeLimit(8, 5), TimeLimit.For(8, 5, DemandLevel.Community, DemandLevel.Grid, 2));
    }

    [Fact]
    public void Late_demands_below_the_street_escalate_and_at_the_street_are_only_flagged()
    {
        var now = Beijing(25, 12);
        var past = now.AddHours(-1);
        var future = now.AddDays(2);
        Assert.Equal(DemandLevel.Community, Overdue.EscalateTo(DemandState.Submitted, DemandLevel.Grid, past, future, now));
        Assert.Null(DemandRules.Above(DemandLevel.Street));
        Assert.Null(Overdue.EscalateTo(DemandState.Submitted, DemandLevel.Street, past, future, now));
        Assert.True(Overdue.ResponseLate(DemandState.Submitted, past, now));
        // Accepted in time: the response limit no longer matters, only resolution.
        Assert.Null(Overdue.EscalateTo(DemandState.Accepted, DemandLevel.Grid, past, future, now));
        Assert.Equal(DemandLevel.Street, Overdue.EscalateTo(DemandState.Accepted, DemandLevel.Community, future, past, now));
        Assert.Null(Overdue.EscalateTo(DemandState.Resolved, DemandLevel.Grid, past, past, now));
        Assert.False(Overdue.ResolutionLate(DemandState.Closed, past, now));
    }

    [Fact]
    public void Satisfaction_rate_counts_satisfied_and_basically_satisfied()
    {
        var f = SatisfactionFigures.Of([Satisfaction.Satisfied, Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Unsatisfied]);
        Assert.Equal(4, f.Rated);
        Assert.Equal(75.0, f.Rate);
        Assert.Equal(70.0, f.Score);
        Assert.Null(SatisfactionFigures.Of([]).Rate);
        Assert.Equal(66.7, SatisfactionFigures.Of([Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Unsatisfied]).Rate);
    }

    [Fact]
    public void An_unsatisfied_rating_reopens_once()
    {
        Assert.True(DemandRules.Reopens(Satisfaction.Unsatisfied, 0, 1));
        Assert.False(DemandRules.Reopens(Satisfaction.Unsatisfied, 1, 1));
        Assert.False(DemandRules.Reopens(Satisfaction.BasicallySatisfied, 0, 1));
    }

    [Fact]
    public void Tickets_read_well_and_phone_tails_are_the_last_four_digits()
    {
        var t = Ticket.New(Beijing(25, 23, 30));
        Assert.Matches("^SQ20261125[2-9A-Z]{6}$", t);
        Assert.DoesNotContain('O', t[10..]);
        Assert.Equal("5678", Lianxin.Web.Platform.Privacy.PhoneNumber.Tail("138-1234-5678"));
    }
}
