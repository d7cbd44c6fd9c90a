using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

public static class EditOwnPledge
{
    /// <summary>The member edits a pledge still waiting or returned to them; it goes (back) to the secretary.</summary>
    public static async Task<Outcome<PledgeSaved>> HandleAsync(LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, Guid id, OwnPledgeRequest r, CancellationToken ct)
    {
        var me = await OwnPledge.MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var member = me.Value!;
        var p = await db.Pledges.AcrossScope().FirstOrDefaultAsync(x => x.Id == id && x.MemberId == member.Id, ct);
        if (p is null) return Failure.NotFound;
        var e = new Errors();
        var start = r.StartOn ?? p.StartOn;
        var tasks = CreatePledge.Check(e, r.Title, r.Description, start, r.DueOn, r.Tasks);
        if (e.Any) return Failure.Invalid(e);
        if (p.State is not (PledgeState.Submitted or PledgeState.Returned)) return Failure.Conflict("承诺已通过审核，不能再修改；进展由支部登记。");
        if (p.Version != r.Version) return Failure.Stale;

        var returned = p.State == PledgeState.Returned;
        OwnPledge.Fill(p, r, start, clock.GetUtcNow().UtcDateTime);
        db.PledgeTasks.RemoveRange(await db.PledgeTasks.AcrossScope().Where(t => t.PledgeId == id).ToListAsync(ct));
        CreatePledge.AddTasks(db, p, tasks);
        if (returned) await OwnPledge.NotifySecretariesAsync(db, org, clock, p, member.Name, ct);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PledgeSaved(p.Id, p.Version);
    }
}
