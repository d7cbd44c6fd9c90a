using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>Creates a grid (CommunityId set, Version ignored) or edits one (Version required).</summary>
public class GridRequest
{
    public Guid CommunityId { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    /// <summary>The grid party branch, a Grid branch of the same community; null while it has none.</summary>
    public Guid? BranchId { get; set; }
    public string? GridWorker { get; set; }
    public int Version { get; set; }
}

public record PlaceSaved(Guid Id, int Version);

/// <summary>
/// Create and edit a grid. A grid lives at its branch's path (or the community's while it has none), and
/// the compounds in it without a branch of their own follow it when the branch changes.
/// </summary>
public static class SaveGrid
{
    public static async Task<Outcome<PlaceSaved>> CreateAsync(LianxinDb db, GridRequest r, CancellationToken ct)
    {
        var community = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == r.CommunityId && u.Kind == OrgKind.Community, ct);
        if (community is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, community.Path)) return Failure.Forbidden;
        var (errors, branch) = await ValidateAsync(db, community, r, ct);
        if (errors.Any) return Failure.Invalid(errors);
        if (!community.IsActive) return Failure.Conflict("已撤销的社区党组织不能再划分网格。");
        var grid = new Grid
        {
            CommunityId = community.Id, Name = r.Name.Trim(), Code = r.Code?.Trim() ?? "", BranchId = branch?.Id,
            GridWorker = CreateUnit.Blank(r.GridWorker), OrgPath = branch?.Path ?? community.Path,
        };
        db.Grids.Add(grid);
        await db.SaveChangesAsync(ct);
        return new PlaceSaved(grid.Id, grid.Version);
    }

    public static async Task<Outcome<PlaceSaved>> EditAsync(LianxinDb db, Guid id, GridRequest r, CancellationToken ct)
    {
        var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grid is null) return Failure.NotFound;
        var community = await db.OrgUnits.AcrossScope().FirstAsync(u => u.Id == grid.CommunityId, ct);
        if (!db.Scope.Can(OrgPermissions.OrgManage, grid.OrgPath) || !db.Scope.Can(OrgPermissions.OrgManage, community.Path)) return Failure.Forbidden;
        var (errors, branch) = await ValidateAsync(db, community, r, ct);
        if (errors.Any) return Failure.Invalid(errors);
        if (grid.Version != r.Version) return Failure.Stale;

        db.Entry(grid).Property(g => g.Version).OriginalValue = r.Version;
        grid.Name = r.Name.Trim();
        grid.Code = r.Code?.Trim() ?? "";
        grid.GridWorker = CreateUnit.Blank(r.GridWorker);
        if (grid.BranchId != branch?.Id)
        {
            grid.BranchId = branch?.Id;
            grid.OrgPath = branch?.Path ?? community.Path;
            foreach (var c in await db.Compounds.AcrossScope().Where(c => c.GridId == grid.Id && c.BranchId == null).ToListAsync(ct))
                await db.RepathCompoundAsync(c, grid.OrgPath, ct);
        }
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new PlaceSaved(grid.Id, grid.Version);
    }

    static async Task<(Errors, OrgUnit?)> ValidateAsync(LianxinDb db, OrgUnit community, GridRequest r, CancellationToken ct)
    {
        var e = new Errors();
        e.Required("Name", r.Name, "请填写网格名称。");
        e.Max("Name", r.Name, 100, "网格名称");
        e.Max("Code", r.Code, 40, "网格编码");
        e.Max("GridWorker", r.GridWorker, 60, "网格员");
        OrgUnit? branch = null;
        if (r.BranchId is { } bid)
        {
            branch = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == bid, ct);
            if (branch is null || branch.ParentId != community.Id || branch.Kind != OrgKind.Branch || branch.BranchKind != BranchKind.Grid || !branch.IsActive)
                e.Fail("BranchId", "网格党支部须是本社区下未撤销的网格党支部。");
        }
        return (e, branch);
    }
}
