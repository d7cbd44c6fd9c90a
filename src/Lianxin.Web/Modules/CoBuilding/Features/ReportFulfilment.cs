using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class FulfilmentRequest
{
    public DateOnly? FulfilledOn { get; set; }
    public string Note { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>
/// An obligation is reported fulfilled (履约登记): when, what was done, with photos as evidence. The owing unit's liaison reports its
/// own; staff report any in their scope (the community's own obligations only they).
/// </summary>
public static class ReportFulfilment
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid obligationId, FulfilmentRequest r, IReadOnlyList<Upload>? photos,
        CancellationToken ct)
    {
        var o = await db.Obligations.FirstOrDefaultAsync(x => x.Id == obligationId, ct);
        if (o is null) return Failure.NotFound;
        var liaisonOf = o.PartnerUnitId is { } u
            ? await db.PartnerUnits.AcrossScope().AsNoTracking().Where(p => p.Id == u).Select(p => p.LiaisonUserId).FirstOrDefaultAsync(ct)
            : null;
        if (!LoopAccess.Staff(db, o.OrgPath) && !EditPartnerUnit.IsLiaisonOf(db, liaisonOf)) return Failure.Forbidden;
        var status = await db.Agreements.AsNoTracking().Where(a => a.Id == o.AgreementId).Select(a => a.Status).FirstAsync(ct);
        if (status != AgreementStatus.InForce) return Failure.Conflict("该协议已关闭，不能再登记履约。");
        if (o.FulfilledOn is not null) return Failure.Conflict("该项义务已登记履约。");
        var e = new Errors();
        if (r.FulfilledOn is null) e.Fail(nameof(r.FulfilledOn), "请填写履约日期。");
        else if (r.FulfilledOn > clock.Today()) e.Fail(nameof(r.FulfilledOn), "履约日期不能晚于今天。");
        e.Required(nameof(r.Note), r.Note, "请填写履约情况。");
        e.Max(nameof(r.Note), r.Note, 1000, "履约情况");
        if (e.Any) return Failure.Invalid(e);
        if (o.Version != r.Version) return Failure.Stale;
        db.Entry(o).Property(x => x.Version).OriginalValue = r.Version;
        o.FulfilledOn = r.FulfilledOn;
        o.FulfilmentNote = r.Note.Trim();
        o.ReportedBy = db.Scope.UserName;
        FulfilmentPhotos.Attach(db, o, (photos ?? []).Take(PhotoUpload.MaxCount), clock.GetUtcNow().UtcDateTime);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new LoopSaved(o.Id, o.Version);
    }
}
