using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record ResourceRow(Guid Id, string Title, string? Detail, SupplyKind Kind, string KindName, int Quantity, int Promised, string Measure,
    DateOnly AvailableFrom, DateOnly AvailableTo, Guid PartnerUnitId, string PartnerUnit, bool Mine, bool CanEdit, int Version);

/// <summary>
/// The 资源清单 of units stationed in the caller's scope: search, filter by kind, only what is still available, only the caller's
/// own unit's (a liaison), a page at a time.
/// </summary>
public static class ListResources
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<ResourceRow>>> HandleAsync(LianxinDb db, TimeProvider clock, string? q, SupplyKind? kind, bool available, bool mine,
        int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var myUnits = await LoopAccess.MyUnitsAsync(db, ct);
        var rows = db.Resources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(r => r.Title.Contains(q.Trim()));
        if (kind is { } k) rows = rows.Where(r => r.Kind == k);
        if (available)
        {
            var today = clock.Today();
            rows = rows.Where(r => r.Promised < r.Quantity && r.AvailableTo >= today);
        }
        if (mine) rows = rows.Where(r => myUnits.Contains(r.PartnerUnitId));
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await LoopAccess.UnitNamesAsync(db, list.Select(r => r.PartnerUnitId), ct);
        return new Paged<ResourceRow>(list.Select(r => new ResourceRow(r.Id, r.Title, r.Detail, r.Kind, r.Kind.Chinese(), r.Quantity, r.Promised, r.Measure,
            r.AvailableFrom, r.AvailableTo, r.PartnerUnitId, names.GetValueOrDefault(r.PartnerUnitId, "—"), myUnits.Contains(r.PartnerUnitId),
            myUnits.Contains(r.PartnerUnitId) || LoopAccess.Staff(db, r.OrgPath), r.Version)).ToList(), total, page, PageSize);
    }
}
