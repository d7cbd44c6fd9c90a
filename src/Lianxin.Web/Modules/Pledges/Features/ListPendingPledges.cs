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

public static class ListPendingPledges
{
    /// <summary>The pledges waiting for the caller's decision: in scope, where the caller may approve.</summary>
    public static async Task<Outcome<List<PendingPledge>>> HandleAsync(LianxinDb db, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PledgePermissions.PledgeApprove)) return Failure.Forbidden;
        var pledges = (await db.Pledges.AsNoTracking().Where(p => p.State == PledgeState.Submitted).OrderBy(p => p.SubmittedAt).Take(300).ToListAsync(ct))
            .Where(p => db.Scope.Can(PledgePermissions.PledgeApprove, p.OrgPath)).ToList();
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AsNoTracking().Where(t => ids.Contains(t.PledgeId)).OrderBy(t => t.SortOrder).ToListAsync(ct)).ToLookup(t => t.PledgeId);
        return pledges.Select(p => new PendingPledge(p.Id, p.Title, p.Description, p.ResponsiblePerson, p.ResponsibleUnit, p.StartOn, p.DueOn, p.SubmittedAt,
            tasks[p.Id].Select(t => new PledgeTaskDto(t.Id, t.Title, t.DueOn, t.DoneOn)).ToList(), p.Version)).ToList();
    }
}
