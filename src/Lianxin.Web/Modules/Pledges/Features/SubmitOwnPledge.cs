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

public static class SubmitOwnPledge
{
    /// <summary>A new pledge of the caller's own, waiting for the branch secretary.</summary>
    public static async Task<Outcome<PledgeSaved>> HandleAsync(LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, OwnPledgeRequest r, CancellationToken ct)
    {
        var me = await OwnPledge.MeAsync(db, members, ct);
        if (!me.IsOk) return new Failure(me.Kind, me.Errors, me.Message);
        var member = me.Value!;
        if (!member.OnRoster) return Failure.Conflict("组织关系不在册的党员不能提交承诺。");
        var e = new Errors();
        var start = r.StartOn ?? clock.Today();
        var tasks = CreatePledge.Check(e, r.Title, r.Description, start, r.DueOn, r.Tasks);
        if (e.Any) return Failure.Invalid(e);
        var branch = await org.FindInDistrictAsync(member.BranchId, ct);
        if (branch is null) return Failure.Conflict("未找到您所在的党支部，请联系支部。");

        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Pledge
        {
            OrgUnitId = branch.Id, OrgPath = branch.Path, Owner = PledgeOwner.Member, ResponsiblePerson = OwnPledge.Clip(member.Name, 60), ResponsibleUnit = branch.DisplayName,
            MemberId = member.Id, SubmittedBy = db.Scope.UserId, CreatedAt = now,
        };
        OwnPledge.Fill(p, r, start, now);
        db.Pledges.Add(p);
        CreatePledge.AddTasks(db, p, tasks);
        await OwnPledge.NotifySecretariesAsync(db, org, clock, p, member.Name, ct);
        await db.SaveChangesAsync(ct);
        return new PledgeSaved(p.Id, p.Version);
    }
}
