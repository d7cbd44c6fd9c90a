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

public static class DecideOwnPledge
{
    /// <summary>The secretary approves (on the board from now on) or returns with a reason. Another branch's pledge is not found;
    /// one's own pledge is not one's to approve.</summary>
    public static async Task<Outcome<PledgeSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, bool approve, PledgeDecision r, CancellationToken ct)
    {
        var p = await db.Pledges.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || p.MemberId is null) return Failure.NotFound;
        if (!db.Scope.Can(PledgePermissions.PledgeApprove, p.OrgPath)) return Failure.Forbidden;
        if (p.SubmittedBy == db.Scope.UserId) return Failure.Forbidden with { Message = "不能审核自己提交的承诺。" };
        var e = new Errors();
        if (!approve) e.Required(nameof(r.Reason), r.Reason, "请填写退回原因。");
        e.Max(nameof(r.Reason), r.Reason, 500, "退回原因");
        if (e.Any) return Failure.Invalid(e);
        if (p.State != PledgeState.Submitted) return Failure.Conflict($"该承诺当前为“{p.State.Chinese()}”，不在待审核状态。");
        if (p.Version != r.Version) return Failure.Stale;

        p.State = approve ? PledgeState.Open : PledgeState.Returned;
        p.ReturnReason = approve ? null : r.Reason!.Trim();
        p.DecidedBy = OwnPledge.Clip(db.Scope.UserName, 60);
        p.DecidedAt = clock.GetUtcNow().UtcDateTime;
        if (p.SubmittedBy is { } member)
            Outbox.Notify(db, clock, approve
                ? new NotificationMessage("您的党员承诺已通过审核", $"“{p.Title}”已在为民解忧榜公开。", "/pledges/mine", OwnPledge.Source, RecipientUserId: member)
                : new NotificationMessage("您的党员承诺被退回", $"“{p.Title}”退回原因：{p.ReturnReason}。修改后可重新提交。", "/pledges/mine", OwnPledge.Source, RecipientUserId: member));
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new PledgeSaved(p.Id, p.Version);
    }
}
