using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>
/// The tree, a few levels at a time (the page expands nodes lazily). Without a root: the units the caller
/// holds roles at (their tops) and, with depth &gt; 1, the levels below; with a root: its descendants down to depth.
/// </summary>
public static class GetTree
{
    static readonly Failure BadDepth = Failure.Invalid("depth", "层级深度须在 1 到 3 之间。");

    /// <summary>
    /// The live tree with its entity tag (<see cref="TreeCache"/>), or the same levels on a past day (<see cref="TreeOnDate"/>,
    /// untagged: rebuilt from history each time); today or later is the live tree.
    /// </summary>
    public static async Task<Outcome<TreeCache.Answer>> HandleAsync(LianxinDb db, TreeCache cache, TimeProvider clock, Guid? rootId, int depth, DateOnly? on, CancellationToken ct)
    {
        // Checked before the kept answers are looked up, so a bad depth costs no read.
        if (depth is < 1 or > 3) return BadDepth;
        if (on is not { } day || day >= clock.Today()) return await cache.GetAsync(db, rootId, depth, () => HandleAsync(db, rootId, depth, ct), ct);
        var past = OnDay(await TreeOnDate.HandleAsync(db, day, ct), rootId, depth);
        return past.IsOk ? new TreeCache.Answer(past.Value!, null) : past.AsFailure();
    }

    static Outcome<List<TreeNode>> OnDay(Outcome<List<TreeNode>> all, Guid? rootId, int depth)
    {
        if (!all.IsOk) return all;
        var nodes = all.Value!;
        if (rootId is { } id)
        {
            if (nodes.FirstOrDefault(n => n.Id == id) is not { } root) return Failure.NotFound;
            var below = new List<TreeNode>();
            var level = new HashSet<Guid> { root.Id };
            for (var d = 1; d <= depth && level.Count > 0; d++)
            {
                var next = nodes.Where(n => n.ParentId is { } p && level.Contains(p)).ToList();
                below.AddRange(next);
                level = next.Select(n => n.Id).ToHashSet();
            }
            return below;
        }
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var tops = nodes.Where(n => n.ParentId is not { } p || !ids.Contains(p)).ToDictionary(n => n.Id, n => n.Depth);
        // Each node keeps to depth levels below the top it hangs under.
        var topOf = new Dictionary<Guid, int>();
        foreach (var n in nodes) // parents come before children: ordered by depth
            topOf[n.Id] = tops.TryGetValue(n.Id, out var td) ? td : topOf[n.ParentId!.Value];
        return nodes.Where(n => n.Depth <= topOf[n.Id] + depth - 1).ToList();
    }

    /// <summary>The live tree, read from the units (<see cref="TreeCache"/> keeps the answers).</summary>
    public static async Task<Outcome<List<TreeNode>>> HandleAsync(LianxinDb db, Guid? rootId, int depth, CancellationToken ct)
    {
        if (depth is < 1 or > 3) return BadDepth;
        if (rootId is { } id)
        {
            var root = await db.OrgUnits.Where(u => u.Id == id).Select(u => new { u.Path, u.Depth }).FirstOrDefaultAsync(ct);
            if (root is null) return Failure.NotFound;
            if (!db.Scope.Can(OrgPermissions.OrgView, root.Path)) return Failure.Forbidden;
            var max = root.Depth + depth;
            return await db.NodesAsync(db.OrgUnits.Where(u => u.Path.StartsWith(root.Path) && u.Depth > root.Depth && u.Depth <= max), ct);
        }

        var tops = db.Scope.RootsWith(OrgPermissions.OrgView);
        if (tops.Length == 0) return db.Scope.Unrestricted ? await db.NodesAsync(db.OrgUnits.Where(u => u.ParentId == null), ct) : Failure.Forbidden;
        var nodes = new List<TreeNode>();
        foreach (var top in tops)
        {
            var topDepth = OrgRules.DepthOf(top);
            var max = topDepth + depth - 1;
            nodes.AddRange(await db.NodesAsync(db.OrgUnits.Where(u => u.Path.StartsWith(top) && u.Depth <= max), ct));
        }
        return nodes;
    }
}
