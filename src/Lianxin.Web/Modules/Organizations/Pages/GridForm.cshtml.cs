using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/grids/new?communityId= and /org/grids/{id}/edit: a grid and the grid branch it is linked to.</summary>
public class GridFormModel(LianxinDb db) : OrgPageModel(db)
{
    [BindProperty] public GridRequest Input { get; set; } = new();
    public Guid? GridId { get; private set; }
    public List<TreeNode> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        var posted = Input;
        if (await LoadAsync(id, communityId, ct) is { } stop) return stop;
        posted.CommunityId = Unit.Id;
        Input = posted;
        var outcome = id is { } gid ? await SaveGrid.EditAsync(Db, gid, Input, ct) : await SaveGrid.CreateAsync(Db, Input, ct);
        if (!outcome.IsOk) { await ShowAsync(ct); return Fail(outcome); }
        TempData["Flash"] = $"网格“{Input.Name.Trim()}”已保存。";
        return Redirect($"/org/{Unit.Id}");
    }

    async Task<IActionResult?> LoadAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        if (id is { } gid)
        {
            var grid = await Db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct);
            if (grid is null) return NotFound();
            GridId = gid;
            Input = new GridRequest { CommunityId = grid.CommunityId, Name = grid.Name, Code = grid.Code, BranchId = grid.BranchId, GridWorker = grid.GridWorker, Version = grid.Version };
            communityId = grid.CommunityId;
        }
        if (communityId is not { } cid) return NotFound();
        if (await LoadUnitAsync(cid) is { } stop) return stop;
        if (Unit.Kind != OrgKind.Community) return NotFound();
        Input.CommunityId = cid;
        return null;
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Branches = await Db.NodesAsync(Db.OrgUnits.Where(u => u.ParentId == Unit.Id && u.Kind == OrgKind.Branch && u.BranchKind == BranchKind.Grid && u.Status == OrgStatus.Active), ct);
        ViewData["Title"] = GridId is null ? "新建网格" : "编辑网格";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb(GridId is null ? "新建网格" : "编辑网格"));
        return Page();
    }
}
