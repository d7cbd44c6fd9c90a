using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>Nodes to draw and the levels already loaded below them; <paramref name="On"/> a past day the children are fetched for.</summary>
public record TreeLevel(IReadOnlyList<TreeNode> Nodes, ILookup<Guid?, TreeNode> Below, DateOnly? On = null);

/// <summary>/org: the tree from the caller's top units (two levels open, the rest loaded on demand), as of today or a past day (?on=), and a search.</summary>
public class IndexModel(LianxinDb db, TreeCache cache, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrgKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    /// <summary>The day the tree is shown as of (yyyy-MM-dd); blank is today.</summary>
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    /// <summary>The past day shown, or null for today.</summary>
    public DateOnly? Day { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<(string Kind, int Count)> Counts { get; private set; } = [];

    public TreeLevel Tree { get; private set; } = new([], Array.Empty<TreeNode>().ToLookup(n => n.ParentId));
    public Paged<UnitRow>? Results { get; private set; }
    public string PagerUrl => $"/org?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}";
    public bool Searching => !string.IsNullOrWhiteSpace(Q) || Kind is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织架构") };
        if (Searching)
        {
            var found = await SearchUnits.HandleAsync(Db, Q, Kind, Math.Max(1, PageNo), 20, ct);
            if (found.Refusal(this) is { } end) return end;
            Results = found.Value;
        }
        Today = clock.Today();
        if (!TreeOnDate.TryParse(On, out var day)) ModelState.AddModelError(nameof(On), TreeOnDate.BadDate);
        else if (day < Today) Day = day;
        var tree = await GetTree.HandleAsync(Db, cache, clock, null, 2, Day, ct);
        if (tree.Refusal(this) is { } refused) return refused;
        var nodes = tree.Value?.Nodes ?? [];
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var tops = nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value)).ToList();
        Tree = new TreeLevel(tops, nodes.Where(n => !tops.Contains(n)).ToLookup(n => n.ParentId), Day);
        // Only a past day is rebuilt from history; today is the live tree.
        if (Day is { } past) { if (await TreeOnDate.HandleAsync(Db, past, ct) is { IsOk: true } all) Counts = TreeOnDate.Counts(all.Value!); }
        else Counts = await UnitKindCounts.HandleAsync(Db, ct);
        return Page();
    }

    /// <summary>htmx: the children of one node, when it is opened.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(Guid id, CancellationToken ct)
    {
        if (!TreeOnDate.TryParse(On, out var day)) return BadRequest();
        var children = await GetTree.HandleAsync(Db, cache, clock, id, 1, day, ct);
        return children.ToPage(this, c => Partial("_TreeNodes", new TreeLevel(c.Nodes, Array.Empty<TreeNode>().ToLookup(n => n.ParentId), day < clock.Today() ? day : null)));
    }
}
