using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PlannedState>))]
public enum PlannedState { Upcoming, Held, Overdue }

public record PlannedRow(Guid Id, MeetingKind Kind, string KindName, DateOnly PlannedOn, string? Topic, PlannedState State, string StateName,
    DateTime? RemindedAt, DateTime? OverdueNoticeAt);

public record PlanDetail(Guid Id, Guid BranchId, string Branch, int Year, int PartyDayOfMonth, int RemindDaysAhead, int Version, bool CanEdit,
    IReadOnlyList<PlannedRow> Meetings);

public record PlanRow(Guid Id, Guid BranchId, string Branch, int Year, int Meetings);

public static class GetPlan
{
    public static async Task<Outcome<PlanDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var plan = await db.MeetingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, plan.OrgPath)) return Failure.Forbidden;
        var planned = await db.PlannedMeetings.AsNoTracking().Where(p => p.PlanId == id).OrderBy(p => p.PlannedOn).ThenBy(p => p.Kind).ToListAsync(ct);
        var held = await HeldMonthsAsync(db, plan.BranchId, plan.Year, ct);
        var today = clock.Today();
        var rows = planned.Select(p =>
        {
            var state = held.Contains((p.Kind, p.PlannedOn.Month)) ? PlannedState.Held : p.PlannedOn < today ? PlannedState.Overdue : PlannedState.Upcoming;
            return new PlannedRow(p.Id, p.Kind, p.Kind.Chinese(), p.PlannedOn, p.Topic, state, StateName(state), p.RemindedAt, p.OverdueNoticeAt);
        }).ToList();
        var branch = await org.FindAsync(plan.BranchId, ct);
        return new PlanDetail(plan.Id, plan.BranchId, branch?.DisplayName ?? "", plan.Year, plan.PartyDayOfMonth, plan.RemindDaysAhead, plan.Version,
            db.Scope.Can(OrgLifePermissions.Record, plan.OrgPath), rows);
    }

    public static async Task<Outcome<List<PlanRow>>> ListAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var planned = db.PlannedMeetings;
        var rows = await db.MeetingPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.OrgPath).Take(200)
            .Select(p => new { p.Id, p.BranchId, p.Year, N = planned.Count(m => m.PlanId == p.Id) }).ToListAsync(ct);
        var names = await org.NamesAsync(rows.Select(r => r.BranchId).Distinct().ToList(), ct);
        return rows.Select(r => new PlanRow(r.Id, r.BranchId, names.GetValueOrDefault(r.BranchId, ""), r.Year, r.N)).ToList();
    }

    /// <summary>
    /// The (kind, month) pairs in which the branch held a meeting that year: a planned meeting counts as held when the branch
    /// held one of its kind in the planned month, a little earlier or later than planned.
    /// </summary>
    internal static async Task<HashSet<(MeetingKind, int)>> HeldMonthsAsync(LianxinDb db, Guid branchId, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var held = await db.Meetings.AsNoTracking().AcrossScope()
            .Where(m => m.BranchId == branchId && m.Status == MeetingStatus.Active && m.HeldOn >= from && m.HeldOn <= to)
            .Select(m => new { m.Kind, m.HeldOn }).ToListAsync(ct);
        return held.Select(m => (m.Kind, m.HeldOn.Month)).ToHashSet();
    }

    public static string StateName(PlannedState s) => s switch
    {
        PlannedState.Held => "已召开", PlannedState.Overdue => "逾期未开", _ => "待召开",
    };
}
