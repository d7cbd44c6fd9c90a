using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class CloseAgreementRequest
{
    public string? Reason { get; set; }
    public int Version { get; set; }
}

/// <summary>An agreement is closed; with obligations still unfulfilled only with a reason (写明未履约原因).</summary>
public static class CloseAgreement
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CloseAgreementRequest r, CancellationToken ct)
    {
        var a = await db.Agreements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Failure.NotFound;
        if (!LoopAccess.Staff(db, a.OrgPath)) return Failure.Forbidden;
        if (a.Status == AgreementStatus.Closed) return Failure.Conflict("该协议已关闭。");
        var open = await db.Obligations.CountAsync(o => o.AgreementId == id && o.FulfilledOn == null, ct);
        var e = new Errors();
        if (open > 0 && string.IsNullOrWhiteSpace(r.Reason)) e.Fail(nameof(r.Reason), $"尚有 {open} 项义务未履行，关闭协议须写明原因。");
        e.Max(nameof(r.Reason), r.Reason, 500, "关闭原因");
        if (e.Any) return Failure.Invalid(e);
        if (a.Version != r.Version) return Failure.Stale;
        db.Entry(a).Property(x => x.Version).OriginalValue = r.Version;
        (a.Status, a.ClosedOn, a.CloseReason) = (AgreementStatus.Closed, clock.Today(), LoopAccess.Blank(r.Reason));
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new LoopSaved(a.Id, a.Version);
    }
}
