using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record NeedRow(Guid Id, string Title, SupplyKind Kind, string KindName, int Quantity, int Promised, string Measure, DateOnly Deadline, string Place,
    string Unit, NeedStatus Status, string StatusName);

/// <summary>The 需求清单 in the caller's scope: search by name, filter by category and status, newest first, a page at a time.</summary>
public static class ListNeeds
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<NeedRow>>> HandleAsync(LianxinDb db, OrgDirectory org, string? q, SupplyKind? kind, NeedStatus? status, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var rows = db.Needs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(n => n.Title.Contains(q.Trim()) || n.Place.Contains(q.Trim()));
        if (kind is { } k) rows = rows.Where(n => n.Kind == k);
        if (status is { } s) rows = rows.Where(n => n.Status == s);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var needs = await rows.OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await org.NamesAsync(needs.Select(n => n.UnitId).Distinct().ToList(), ct);
        return new Paged<NeedRow>(needs.Select(n => new NeedRow(n.Id, n.Title, n.Kind, n.Kind.Chinese(), n.Quantity, n.Promised, n.Measure, n.Deadline, n.Place,
            names.GetValueOrDefault(n.UnitId, "—"), n.Status, n.Status.Chinese())).ToList(), total, page, PageSize);
    }
}
