using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>One obligation and its fulfilment; <see cref="CanReport"/>: the caller may report it (its unit's liaison, or staff).</summary>
public record ObligationRow(Guid Id, Guid? PartnerUnitId, string Party, string Content, DateOnly DueOn, DateOnly? FulfilledOn, string? Note, string? ReportedBy,
    int? Rating, string? RatingComment, int Version, bool CanReport, IReadOnlyList<Guid> PhotoIds);

public record AgreementDetail(Guid Id, string Title, AgreementKind Kind, string KindName, Guid UnitId, string Unit, Guid? ProjectId, string? Project, int Year,
    DateOnly SignedOn, AgreementStatus Status, string StatusName, DateOnly? ClosedOn, string? CloseReason, int Version, bool CanManage,
    IReadOnlyList<ObligationRow> Obligations);

public static class GetAgreement
{
    public static async Task<Outcome<AgreementDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Failure.NotFound;
        var obligations = await db.Obligations.AsNoTracking().Where(o => o.AgreementId == id).OrderBy(o => o.DueOn).ThenBy(o => o.Id).ToListAsync(ct);
        var units = await LoopAccess.UnitNamesAsync(db, obligations.Select(o => o.PartnerUnitId).OfType<Guid>(), ct);
        var mine = await LoopAccess.MyUnitsAsync(db, ct);
        var photos = await FulfilmentPhotos.OfAsync(db, obligations.Select(o => o.Id).ToList(), ct);
        var staff = LoopAccess.Staff(db, a.OrgPath);
        var open = a.Status == AgreementStatus.InForce;
        var unit = (await org.NamesAsync([a.UnitId], ct)).GetValueOrDefault(a.UnitId, "—");
        var project = a.ProjectId is { } p ? await db.CoProjects.AsNoTracking().Where(x => x.Id == p).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        return new AgreementDetail(a.Id, a.Title, a.Kind, a.Kind.Chinese(), a.UnitId, unit, a.ProjectId, project, a.Year, a.SignedOn, a.Status, a.Status.Chinese(),
            a.ClosedOn, a.CloseReason, a.Version, staff,
            obligations.Select(o => new ObligationRow(o.Id, o.PartnerUnitId, o.PartnerUnitId is { } u ? units.GetValueOrDefault(u, "—") : unit, o.Content, o.DueOn,
                o.FulfilledOn, o.FulfilmentNote, o.ReportedBy, o.Rating, o.RatingComment, o.Version,
                open && o.FulfilledOn is null && (staff || o.PartnerUnitId is { } pu && mine.Contains(pu)), photos[o.Id].ToList())).ToList());
    }
}
