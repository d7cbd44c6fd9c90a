using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Plans;

/// <summary>
/// Reminds a branch of each planned meeting its plan's number of days before, and tells it once when a planned meeting's
/// day has passed without a meeting of that kind that month. Each planned meeting is stamped when reminded and when
/// reported overdue, so a second pass sends nothing new. Days planned before the plan was made are not reported.
/// </summary>
public class PlanReminderJob(LianxinDb db, TimeProvider clock) : IJob
{
    public static string Name => "orglife.plan-reminders";
    public static TimeSpan Period => TimeSpan.FromHours(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        // Reminders at most 30 days ahead (the longest a plan may ask for); overdue notices for a month back at most.
        var (horizon, lookBack) = (today.AddDays(30), today.AddDays(-31));
        var due = await (from p in db.PlannedMeetings.AcrossScope()
                         join plan in db.MeetingPlans.AcrossScope() on p.PlanId equals plan.Id
                         where (p.RemindedAt == null && p.PlannedOn >= today && p.PlannedOn <= horizon)
                            || (p.OverdueNoticeAt == null && p.PlannedOn < today && p.PlannedOn >= lookBack)
                         select new { Planned = p, plan.RemindDaysAhead, plan.CreatedAt, plan.Year }).Take(1000).ToListAsync(ct);
        var sent = 0;
        var held = new Dictionary<(Guid, int), HashSet<(MeetingKind, int)>>();
        foreach (var x in due)
        {
            var p = x.Planned;
            if (!held.TryGetValue((p.BranchId, x.Year), out var months)) held[(p.BranchId, x.Year)] = months = await GetPlan.HeldMonthsAsync(db, p.BranchId, x.Year, ct);
            var done = months.Contains((p.Kind, p.PlannedOn.Month));
            var link = $"/orglife/plans/{p.PlanId}";
            if (p.PlannedOn >= today)
            {
                if (p.PlannedOn.DayNumber - today.DayNumber > x.RemindDaysAhead) continue;
                p.RemindedAt = now;
                if (done) continue;
                Outbox.Notify(db, clock, new NotificationMessage($"组织生活提醒：{p.Kind.Chinese()}", $"本支部计划于 {p.PlannedOn:yyyy-MM-dd} 召开{p.Kind.Chinese()}{Topic(p)}，请提前做好准备。",
                    link, Name, RecipientUnitId: p.BranchId, Permission: OrgLifePermissions.Record));
            }
            else
            {
                p.OverdueNoticeAt = now;
                if (done || p.PlannedOn < DateOnly.FromDateTime(ChinaTime.ToBeijing(x.CreatedAt))) continue;
                Outbox.Notify(db, clock, new NotificationMessage($"组织生活逾期：{p.Kind.Chinese()}", $"本支部计划于 {p.PlannedOn:yyyy-MM-dd} 召开的{p.Kind.Chinese()}{Topic(p)}已过期，尚未登记会议记录，请尽快召开或补录。",
                    link, Name, RecipientUnitId: p.BranchId, Permission: OrgLifePermissions.Record));
            }
            sent++;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    static string Topic(PlannedMeeting p) => p.Topic is null ? "" : $"（{p.Topic}）";
}
