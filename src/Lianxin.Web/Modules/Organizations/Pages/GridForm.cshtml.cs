using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/grids/new?communityId= and /org/grids/{id}/edit: a grid and the grid branch it is linked to.</summary>
public class GridFormModel(LianxinDb db) : CommunityPlaceFormModel<GridRequest>(db)
{
    public List<TreeNode> Branches { get; private set; } = [];

    protected override string NewTitle => "新建网格";
    protected override string EditTitle => "编辑网格";

    protected override async Task<(GridRequest, Guid)?> FindAsync(Guid id, CancellationToken ct) =>
        await Db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is { } grid
            ? (new GridRequest { CommunityId = grid.CommunityId, Name = grid.Name, Code = grid.Code, BranchId = grid.BranchId, GridWorker = grid.GridWorker, Version = grid.Version }, grid.CommunityId)
            : null;

    protected override void PlaceIn(GridRequest input, Guid communityId) => input.CommunityId = communityId;

    protected override Task<Outcome<PlaceSaved>> SaveAsync(Guid? id, CancellationToken ct) =>
        id is { } gid ? SaveGrid.EditAsync(Db, gid, Input, ct) : SaveGrid.CreateAsync(Db, Input, ct);

    protected override IActionResult Saved(PlaceSaved saved)
    {
        TempData["Flash"] = $"网格“{Input.Name.Trim()}”已保存。";
        return Redirect($"/org/{Unit.Id}");
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Branches = await Db.NodesAsync(Db.OrgUnits.Where(u => u.ParentId == Unit.Id && u.Kind == OrgKind.Branch && u.BranchKind == BranchKind.Grid && u.Status == OrgStatus.Active), ct);
}
