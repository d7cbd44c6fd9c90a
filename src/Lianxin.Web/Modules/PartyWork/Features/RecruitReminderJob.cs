using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features;

/// <summary>
/// Tells a branch when a step of someone in its pipeline falls due (a talk within the month, an activist's year completed,
/// an admission awaiting approval, probation ending), once per step, through the notification outbox.
/// </summary>
public class RecruitReminderJob(LianxinDb db, TimeProvider clock) : IJob
{
    public static string Name => "partywork.reminders";
    public static TimeSpan Period => TimeSpan.FromHours(1);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var today = clock.Today();
        var due = await db.Recruits.AcrossScope()
            .Where(r => r.State == RecruitState.Active && r.NextDueOn != null && r.NextDueOn <= today && (r.RemindedCode == null || r.RemindedCode != r.NextCode))
            .OrderBy(r => r.NextDueOn).Take(500).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var steps = await RecruitProcedure.StepsAsync(db, ct);
        foreach (var r in due)
        {
            var next = steps.FirstOrDefault(s => s.Code == r.NextCode);
            var when = next?.DueMonths is null ? "已可办理" : "办理期限已到";
            Outbox.Notify(db, clock, new NotificationMessage($"发展党员提醒：{r.Name}", $"{r.Name}（{r.Stage.Chinese()}）的“{next?.Name}”{when}（{r.NextDueOn:yyyy-MM-dd}）。",
                $"/partywork/recruits/{r.Id}", "partywork.reminders", RecipientUnitId: r.BranchId, Permission: PartyWorkPermissions.Manage));
            r.RemindedCode = r.NextCode;
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
