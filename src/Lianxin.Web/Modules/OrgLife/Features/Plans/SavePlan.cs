using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Plans;

public class PlannedMeetingInput
{
    /// <summary>An existing planned meeting, or null for a new one.</summary>
    public Guid? Id { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public string? Topic { get; set; }
}

public class SavePlanInput
{
    public int Version { get; set; }
    public int RemindDaysAhead { get; set; } = PlanDraft.DefaultRemindDaysAhead;
    public List<PlannedMeetingInput> Meetings { get; set; } = [];
}

/// <summary>
/// The branch edits its plan: the whole list of planned meetings (rows left out are removed). A meeting moved to another day
/// is reminded again for the new day.
/// </summary>
public static class SavePlan
{
    public static async Task<Outcome<PlanSaved>> HandleAsync(LianxinDb db, Guid id, SavePlanInput r, CancellationToken ct)
    {
        var plan = await db.MeetingPlans.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, plan.OrgPath)) return Failure.Forbidden;
        var e = GeneratePlan.Check(r.RemindDaysAhead, plan.PartyDayOfMonth);
        if (r.Meetings.Count > 200) e.Fail(nameof(r.Meetings), "一年的计划最多 200 场会议。");
        for (var i = 0; i < r.Meetings.Count; i++)
        {
            var m = r.Meetings[i];
            if (!Enum.IsDefined(m.Kind)) e.Fail($"Meetings[{i}].Kind", "请选择会议类型。");
            if (m.PlannedOn is not { } on) e.Fail($"Meetings[{i}].PlannedOn", "请填写计划日期。");
            else if (on.Year != plan.Year) e.Fail($"Meetings[{i}].PlannedOn", $"计划日期须在 {plan.Year} 年内。");
            e.Max($"Meetings[{i}].Topic", m.Topic, 200, "会议主题");
        }
        if (e.Any) return Failure.Invalid(e);
        if (plan.Version != r.Version) return Failure.Stale;

        var existing = await db.PlannedMeetings.Where(p => p.PlanId == plan.Id).ToDictionaryAsync(p => p.Id, ct);
        if (r.Meetings.Any(m => m.Id is { } mid && !existing.ContainsKey(mid))) return Failure.Invalid(nameof(r.Meetings), "计划中没有所提交的会议，请刷新后重试。");
        var kept = r.Meetings.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        db.PlannedMeetings.RemoveRange(existing.Values.Where(p => !kept.Contains(p.Id)));
        foreach (var m in r.Meetings)
        {
            var topic = string.IsNullOrWhiteSpace(m.Topic) ? null : m.Topic.Trim();
            if (m.Id is { } mid)
            {
                var p = existing[mid];
                if (p.PlannedOn != m.PlannedOn || p.Kind != m.Kind) (p.RemindedAt, p.OverdueNoticeAt) = (null, null);
                (p.Kind, p.PlannedOn, p.Topic) = (m.Kind, m.PlannedOn!.Value, topic);
            }
            else db.PlannedMeetings.Add(new PlannedMeeting { PlanId = plan.Id, BranchId = plan.BranchId, OrgPath = plan.OrgPath, Kind = m.Kind, PlannedOn = m.PlannedOn!.Value, Topic = topic });
        }
        plan.RemindDaysAhead = r.RemindDaysAhead;
        // Saved as a change of the plan even when only its rows changed, so its version guards the whole list.
        db.Entry(plan).State = EntityState.Modified;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PlanSaved(plan.Id, plan.Version, r.Meetings.Count);
    }
}
