using System.Globalization;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// The tree as it stood at the end of a past day, rebuilt from <see cref="OrgUnitChange"/> rows: a unit exists from its creation
/// (or split) on, hangs under the parent of its last placement up to that day, and counts as dissolved from its dissolution on.
/// Units with no creation row (created before history was kept, or by the district's seeding) exist since the district was set up;
/// before a unit's first recorded move it hung under that move's old parent. The caller sees the subtrees of the units they hold
/// roles at, where those units stood that day. Names are today's: renaming is not history.
/// </summary>
public static class TreeOnDate
{
    public static readonly string BadDate = "日期格式不正确，请按“年-月-日”填写，如 2025-06-30。";

    /// <summary>Reads <c>?on=yyyy-MM-dd</c>; blank means today.</summary>
    public static bool TryParse(string? text, out DateOnly? on)
    {
        on = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        on = d;
        return true;
    }

    /// <summary>Every unit in the caller's subtrees at the end of <paramref name="on"/>, in tree display order.</summary>
    public static async Task<Outcome<List<TreeNode>>> HandleAsync(LianxinDb db, DateOnly on, CancellationToken ct)
    {
        var grants = db.Scope.Grants.Where(g => g.Role.Allows(OrgPermissions.OrgView)).Select(g => g.OrgUnitId).ToHashSet();
        if (grants.Count == 0 && !db.Scope.Unrestricted) return Failure.Forbidden;

        // The whole district: a unit outside the caller's scope today may have been inside it that day.
        var units = await db.OrgUnits.AcrossScope().AsNoTracking()
            .Select(u => new { u.Id, u.ParentId, u.Name, u.ShortName, u.Kind, u.BranchKind, u.Code, u.SortOrder }).ToListAsync(ct);
        var changes = (await db.OrgUnitChanges.AsNoTracking().ToListAsync(ct))
            .OrderBy(c => c.On).ThenBy(c => c.RecordedAt).ToLookup(c => c.UnitId);
        var founded = await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(ct) is { } at
            ? DateOnly.FromDateTime(ChinaTime.ToBeijing(at)) : DateOnly.MinValue;

        var state = new Dictionary<Guid, (Guid? Parent, bool Dissolved)>();
        foreach (var u in units)
        {
            var rows = changes[u.Id].ToList();
            var born = rows.FirstOrDefault(r => r.Kind is OrgChangeKind.Created or OrgChangeKind.Split)?.On ?? founded;
            if (on < born) continue;
            var placed = rows.LastOrDefault(r => r.On <= on && r.Kind is OrgChangeKind.Created or OrgChangeKind.Split or OrgChangeKind.Moved);
            var parent = placed is not null ? placed.ParentId
                : rows.FirstOrDefault(r => r.Kind == OrgChangeKind.Moved) is { } firstMove ? firstMove.FromParentId : u.ParentId;
            state[u.Id] = (parent, rows.Any(r => r.Kind == OrgChangeKind.Dissolved && r.On <= on));
        }

        // Paths of that day, from the parents of that day; a unit whose parent did not exist yet is left out.
        var paths = new Dictionary<Guid, string?>();
        string? PathOf(Guid id)
        {
            if (paths.TryGetValue(id, out var known)) return known;
            paths[id] = null; // a cycle cannot arise from valid moves; this guards against one all the same
            var p = state.TryGetValue(id, out var s)
                ? s.Parent is { } parent ? PathOf(parent) is { } pp ? OrgUnit.PathOf(pp, id) : null : OrgUnit.PathOf(null, id)
                : null;
            return paths[id] = p;
        }
        foreach (var id in state.Keys) PathOf(id);

        var roots = db.Scope.Unrestricted ? ["/"] : grants.Select(g => paths.GetValueOrDefault(g)).OfType<string>().ToArray();
        var kept = units.Where(u => paths.GetValueOrDefault(u.Id) is { } p && roots.Any(r => p.StartsWith(r, StringComparison.Ordinal))).ToList();
        var sort = kept.ToDictionary(u => u.Id, u => u.SortOrder);
        var children = kept.GroupBy(u => state[u.Id].Parent).Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.Count());
        return kept
            .Select(u => new TreeNode(u.Id, state[u.Id].Parent, u.Name, u.ShortName, u.Kind, u.BranchKind,
                state[u.Id].Dissolved ? OrgStatus.Dissolved : OrgStatus.Active, children.GetValueOrDefault(u.Id), u.Code, OrgRules.DepthOf(paths[u.Id]!)))
            .OrderBy(n => n.Depth).ThenBy(n => n.Status).ThenBy(n => sort[n.Id]).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Active units by what they are (街道党工委, 社区党委, 网格党支部, 小区党支部…): the coverage of the tree that day.</summary>
    public static IReadOnlyList<(string Kind, int Count)> Counts(IEnumerable<TreeNode> nodes) =>
        nodes.Where(n => n.Status == OrgStatus.Active).GroupBy(n => (n.Kind, n.BranchKind)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.BranchKind)
            .Select(g => (g.First().KindName, g.Count())).ToList();
}
