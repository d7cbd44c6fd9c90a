namespace Lianxin.Web.Modules.Demands.Domain;

/// <summary>
/// A department's own deadline on a dispatch (set from the category's time limit when the street blows the
/// whistle). A dispatch still waiting for the department's report after it is overdue; one that answered is not.
/// </summary>
public static class DispatchDeadline
{
    public static bool IsOverdue(DispatchState state, DateTime dueAt, DateTime now) =>
        state is DispatchState.Pending or DispatchState.Accepted && now > dueAt;

    /// <summary>Whole days past the deadline (at least 1 once overdue), for "超时 N 天".</summary>
    public static int DaysLate(DateTime dueAt, DateTime now) => now <= dueAt ? 0 : Math.Max(1, (int)Math.Ceiling((now - dueAt).TotalDays));
}
