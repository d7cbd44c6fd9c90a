using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

/// <summary>Tells a unit its committee's term ends: once 6 months ahead and once 3 months ahead (换届提醒), through the outbox.</summary>
public class TermReminderJob(LianxinDb db, TimeProvider clock) : IJob
{
    public static string Name => "partywork.terms";
    public static TimeSpan Period => TimeSpan.FromHours(6);

    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var today = clock.Today();
        var horizon = today.AddMonths(6);
        var due = await db.Committees.AcrossScope()
            .Where(c => c.Current && c.TermEndsOn <= horizon && (c.RemindedMonths == 0 || c.RemindedMonths == 6)).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var c in due)
        {
            var months = CommitteeRules.Status(c.TermEndsOn, today) == TermStatus.WithinSixMonths ? 6 : 3;
            if (c.RemindedMonths != 0 && months >= c.RemindedMonths) continue;
            Outbox.Notify(db, clock, new NotificationMessage($"换届提醒：{c.Kind.Chinese()}",
                $"本届{c.Kind.Chinese()}任期至 {c.TermEndsOn:yyyy-MM-dd} 届满{(c.TermEndsOn <= today ? "，已到期" : $"，距届满不足 {months} 个月")}，请按程序做好换届准备。",
                $"/partywork/committees/{c.UnitId}", Name, RecipientUnitId: c.UnitId, Permission: PartyWorkPermissions.View));
            c.RemindedMonths = months;
            sent++;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
