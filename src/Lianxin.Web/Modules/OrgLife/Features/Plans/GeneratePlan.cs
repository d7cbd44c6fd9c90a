using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Plans;

public class GeneratePlanInput
{
    public Guid BranchId { get; set; }
    public int Year { get; set; }
    /// <summary>The branch's fixed 主题党日 (day of the month).</summary>
    public int PartyDayOfMonth { get; set; } = PlanDraft.DefaultPartyDay;
    public int RemindDaysAhead { get; set; } = PlanDraft.DefaultRemindDaysAhead;
}

public record PlanSaved(Guid Id, int Version, int Meetings);

/// <summary>A branch's draft plan of the year, generated from the district's rules for its kind of branch (editable afterwards).</summary>
public static class GeneratePlan
{
    public static async Task<Outcome<PlanSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, GeneratePlanInput r, CancellationToken ct)
    {
        var branch = await CreateMeeting.BranchAsync(org, r.BranchId, ct);
        if (branch is null) return Failure.NotFound with { Message = "未找到该支部，或它不在您的管辖范围内。" };
        if (!db.Scope.Can(OrgLifePermissions.Record, branch.Path)) return Failure.Forbidden;
        var e = Check(r.RemindDaysAhead, r.PartyDayOfMonth);
        var year = clock.Today().Year;
        if (r.Year < year || r.Year > year + 1) e.Fail(nameof(r.Year), $"只能制订 {year} 年或 {year + 1} 年的计划。");
        if (e.Any) return Failure.Invalid(e);
        if (await db.MeetingPlans.AnyAsync(p => p.BranchId == branch.Id && p.Year == r.Year, ct))
            return Failure.Conflict($"本支部已有 {r.Year} 年的组织生活计划，请直接修改。");

        var (rules, _, _) = await GetRules.LoadAsync(db, ct);
        var plan = new MeetingPlan
        {
            BranchId = branch.Id, OrgPath = branch.Path, Year = r.Year, RemindDaysAhead = r.RemindDaysAhead, PartyDayOfMonth = r.PartyDayOfMonth,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MeetingPlans.Add(plan);
        var draft = PlanDraft.Generate(rules, branch.BranchKind, r.Year, r.PartyDayOfMonth);
        foreach (var (kind, on) in draft)
            db.PlannedMeetings.Add(new PlannedMeeting { PlanId = plan.Id, BranchId = branch.Id, OrgPath = branch.Path, Kind = kind, PlannedOn = on });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict($"本支部已有 {r.Year} 年的组织生活计划，请直接修改。");
        }
        return new PlanSaved(plan.Id, plan.Version, draft.Count);
    }

    internal static Errors Check(int remindDaysAhead, int partyDay)
    {
        var e = new Errors();
        if (remindDaysAhead is < 1 or > 30) e.Fail("RemindDaysAhead", "提前提醒天数须在 1–30 天之间。");
        if (partyDay is < 1 or > 28) e.Fail("PartyDayOfMonth", "固定党日须在每月 1–28 日之间。");
        return e;
    }
}
