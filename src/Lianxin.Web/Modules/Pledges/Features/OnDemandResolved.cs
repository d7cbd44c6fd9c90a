using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// A pledge that grew out of residents' demands notes on its progress line when one of them is resolved, so the
/// public board shows it without Pledges reading Demands' tables.
/// </summary>
public class OnDemandResolved(LianxinDb db, TimeProvider clock) : IEventHandler<DemandResolved>
{
    public async Task HandleAsync(DemandResolved e, CancellationToken ct)
    {
        var pledgeIds = await db.PledgeDemands.AcrossScope().Where(l => l.DemandId == e.DemandId).Select(l => l.PledgeId).ToListAsync(ct);
        if (pledgeIds.Count == 0) return;
        var pledges = await db.Pledges.AcrossScope().Where(p => pledgeIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in pledges)
            db.PledgeUpdates.Add(new PledgeUpdate
            {
                PledgeId = p.Id, OrgPath = p.OrgPath, On = clock.Today(), Percent = p.Progress,
                Note = $"关联诉求 {e.TicketNo}（{e.CategoryName}）已办结。", At = clock.GetUtcNow().UtcDateTime, ActorName = "系统",
            });
        await db.SaveChangesAsync(ct);
    }
}
