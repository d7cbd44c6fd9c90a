using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>The annual review of the units stationed in a community or street for a year, best score first.</summary>
public static class ListUnitReviews
{
    public static async Task<Outcome<IReadOnlyList<UnitReviewRow>>> HandleAsync(LianxinDb db, OrgDirectory org, Guid unitId, int year, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var unit = await CreatePartnerUnit.StationAsync(org, unitId, ct);
        if (unit is null) return Failure.NotFound;
        var rows = await db.UnitReviews.AsNoTracking().Where(x => x.OrgPath.StartsWith(unit.Path) && x.Year == year).ToListAsync(ct);
        var names = await LoopAccess.UnitNamesAsync(db, rows.Select(x => x.PartnerUnitId), ct);
        IReadOnlyList<UnitReviewRow> list = rows.Select(x => new UnitReviewRow(x.PartnerUnitId, names.GetValueOrDefault(x.PartnerUnitId, "—"), x.Year, x.Due, x.Fulfilled,
                x.Due == 0 ? null : Math.Round((decimal)x.Fulfilled / x.Due * 100, 1), x.AverageRating, x.Score, x.ReviewedAt, x.ReviewedBy))
            .OrderByDescending(x => x.Score).ThenBy(x => x.PartnerUnit).ToList();
        return new Outcome<IReadOnlyList<UnitReviewRow>>(OutcomeKind.Ok, list);
    }
}
