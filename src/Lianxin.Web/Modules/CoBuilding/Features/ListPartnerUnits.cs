using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record PartnerUnitRow(Guid Id, string Name, PartnerKind Kind, string KindName, string StationedIn, string? PartyOrgName, int PartyMemberCount,
    string ContactName, bool Mine);

/// <summary>The partner units stationed in the caller's scope, by name, a page at a time.</summary>
public static class ListPartnerUnits
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<PartnerUnitRow>>> HandleAsync(LianxinDb db, OrgDirectory org, string? q, PartnerKind? kind, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var rows = db.PartnerUnits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(u => u.Name.Contains(q.Trim()));
        if (kind is { } k) rows = rows.Where(u => u.Kind == k);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var units = await rows.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await org.NamesAsync(units.Select(u => u.StationedUnitId).Distinct().ToList(), ct);
        var me = db.Scope.UserId;
        return new Paged<PartnerUnitRow>(units.Select(u => new PartnerUnitRow(u.Id, u.Name, u.Kind, u.Kind.Chinese(), names.GetValueOrDefault(u.StationedUnitId, "—"),
            u.PartyOrgName, u.PartyMemberCount, u.ContactName, me is not null && u.LiaisonUserId == me)).ToList(), total, page, PageSize);
    }
}
