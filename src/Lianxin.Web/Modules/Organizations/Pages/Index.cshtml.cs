using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

public record TreeLevel(IReadOnlyList<TreeNode> Nodes, ILookup<Guid?, TreeNode> Below);

/// <summary>/org: the tree from the caller's top units (two levels open, the rest loaded on demand) and a search.</summary>
public class IndexModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrgKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;

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
        var tree = await GetTree.HandleAsync(Db, null, 2, ct);
        if (tree.Refusal(this) is { } refused) return refused;
        var nodes = tree.Value ?? [];
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var tops = nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value)).ToList();
        Tree = new TreeLevel(tops, nodes.Where(n => !tops.Contains(n)).ToLookup(n => n.ParentId));
        return Page();
    }

    /// <summary>htmx: the children of one node, when it is opened.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(Guid id, CancellationToken ct)
    {
        var children = await GetTree.HandleAsync(Db, id, 1, ct);
        return children.ToPage(this, c => Partial("_TreeNodes", new TreeLevel(c, Array.Empty<TreeNode>().ToLookup(n => n.ParentId))));
    }
}
