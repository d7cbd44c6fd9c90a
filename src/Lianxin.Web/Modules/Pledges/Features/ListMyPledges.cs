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

/// <summary>党员承诺: the caller's own pledges, wherever their branch lies against the roles the account holds.</summary>
public static class ListMyPledges
{
    public static async Task<Outcome<List<OwnPledgeRow>>> HandleAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        var me = await OwnPledge.MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var id = me.Value!.Id;
        // A member's own rows, wherever the branch lies against the roles the account holds.
        var pledges = await db.Pledges.AcrossScope().AsNoTracking().Where(p => p.MemberId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AcrossScope().AsNoTracking().Where(t => ids.Contains(t.PledgeId)).OrderBy(t => t.SortOrder).ToListAsync(ct))
            .ToLookup(t => t.PledgeId);
        return pledges.Select(p => new OwnPledgeRow(p.Id, p.Title, p.Description, p.StartOn, p.DueOn, p.Progress, p.State, p.State.Chinese(), p.ReturnReason,
            tasks[p.Id].Select(t => new PledgeTaskDto(t.Id, t.Title, t.DueOn, t.DoneOn)).ToList(), p.Version)).ToList();
    }
}
