using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// Today's active units by what they are in the subtrees the caller may view, read from the live tree: the same figures as
/// <see cref="TreeOnDate.Counts"/> for today, without rebuilding the district from its history on every view of /org.
/// </summary>
public static class UnitKindCounts
{
    public static async Task<IReadOnlyList<(string Kind, int Count)>> HandleAsync(LianxinDb db, CancellationToken ct)
    {
        var roots = db.Scope.Unrestricted ? ["/"] : db.Scope.RootsWith(OrgPermissions.OrgView);
        if (roots.Length == 0) return [];
        var rows = await db.OrgUnits.Where(u => u.Status == OrgStatus.Active && roots.Any(r => u.Path.StartsWith(r)))
            .GroupBy(u => new { u.Kind, u.BranchKind }).Select(g => new { g.Key.Kind, g.Key.BranchKind, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderBy(r => r.Kind).ThenBy(r => r.BranchKind)
            .Select(r => (r.Kind == OrgKind.Branch && r.BranchKind != BranchKind.None ? r.BranchKind.Chinese() : r.Kind.Chinese(), r.Count)).ToList();
    }
}
