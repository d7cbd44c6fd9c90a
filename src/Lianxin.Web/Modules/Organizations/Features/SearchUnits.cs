using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public record UnitRow(Guid Id, string Name, string ShortName, string Code, OrgKind Kind, BranchKind BranchKind, OrgStatus Status, string KindName, string Trail);

/// <summary>Finds units in the caller's scope by name, short name or code.</summary>
public static class SearchUnits
{
    public static async Task<Outcome<Paged<UnitRow>>> HandleAsync(LianxinDb db, string? q, OrgKind? kind, int page, int pageSize, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgPermissions.OrgView)) return Failure.Forbidden;
        var e = new Errors();
        if (page < 1) e.Fail("page", "页码须从 1 开始。");
        if (pageSize is < 1 or > 100) e.Fail("pageSize", "每页条数须在 1 到 100 之间。");
        e.Max("q", q, 60, "搜索词");
        if (e.Any) return Failure.Invalid(e);

        var query = db.OrgUnits.AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Name.Contains(term) || u.ShortName.Contains(term) || u.Code.Contains(term));
        }
        if (kind is { } k) query = query.Where(u => u.Kind == k);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Status).ThenBy(u => u.Depth).ThenBy(u => u.Path)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Name, u.ShortName, u.Code, u.Kind, u.BranchKind, u.Status, u.Path }).ToListAsync(ct);
        var names = await db.NamesAsync(rows.SelectMany(r => OrgRules.IdsOf(r.Path)), ct);
        var items = rows.Select(u => new UnitRow(u.Id, u.Name, u.ShortName, u.Code, u.Kind, u.BranchKind, u.Status,
            u.Kind == OrgKind.Branch && u.BranchKind != BranchKind.None ? u.BranchKind.Chinese() : u.Kind.Chinese(),
            OrgData.Trail(u.Path, names))).ToList();
        return new Paged<UnitRow>(items, total, page, pageSize);
    }
}
