using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>A duplicate demand is merged into the one being handled; its resident follows the other's ticket from then on.</summary>
public class MergeRequest
{
    public string TargetTicketNo { get; set; } = "";
    public int Version { get; set; }
}

public static class MergeDemand
{
    public static async Task<Outcome<DemandSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, MergeRequest r, CancellationToken ct)
    {
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath)) return Failure.Forbidden;
        var ticket = r.TargetTicketNo?.Trim().ToUpperInvariant() ?? "";
        if (ticket.Length == 0) return Failure.Invalid(nameof(r.TargetTicketNo), "请填写要合并到的诉求受理编号。");
        if (DemandRules.Check(d.State, d.Level, DemandAction.Merge) is { } why) return Failure.Conflict(why);
        var target = await db.Demands.FirstOrDefaultAsync(x => x.TicketNo == ticket, ct);
        if (target is null) return Failure.Invalid(nameof(r.TargetTicketNo), "未找到该受理编号的诉求，或它不在您的管辖范围内。");
        if (target.Id == d.Id) return Failure.Invalid(nameof(r.TargetTicketNo), "不能合并到诉求自身。");
        if (target.State is DemandState.Merged or DemandState.Rejected) return Failure.Conflict("目标诉求已合并或已退回，不能再合并到它。");
        if (d.Version != r.Version) return Failure.Stale;
        db.Entry(d).Property(x => x.Version).OriginalValue = r.Version;

        var now = clock.GetUtcNow().UtcDateTime;
        var unitName = await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct);
        d.State = DemandState.Merged;
        d.MergedIntoId = target.Id;
        d.ClosedAt = now;
        d.ResponseDueAt = d.ResolveDueAt = null;
        d.FirstResponseAt ??= now;
        await ServiceSlots.ReleaseAsync(db, d, now, ct);
        db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Merge, now, unitName, $"与诉求 {target.TicketNo} 重复，已合并办理，请关注该编号的进度。"));
        db.DemandSteps.Add(DemandFlow.Step(db, target, DemandAction.Note, now, unitName, $"合并了重复诉求 {d.TicketNo}。"));
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new DemandSaved(d.Id, d.State, d.Level, d.Version);
    }
}
