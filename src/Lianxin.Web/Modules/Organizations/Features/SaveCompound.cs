using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>Creates a compound (CommunityId set) or edits one (Version required).</summary>
public class CompoundRequest
{
    public Guid CommunityId { get; set; }
    public Guid? GridId { get; set; }
    public string Name { get; set; } = "";
    public CompoundType Type { get; set; }
    public string? Address { get; set; }
    public int Version { get; set; }
}

/// <summary>Create and edit a compound (小区/院落); without a branch of its own it lives where its grid lives.</summary>
public static class SaveCompound
{
    public static async Task<Outcome<PlaceSaved>> CreateAsync(LianxinDb db, CompoundRequest r, CancellationToken ct)
    {
        var community = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == r.CommunityId && u.Kind == OrgKind.Community, ct);
        if (community is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, community.Path)) return Failure.Forbidden;
        var (errors, grid) = await ValidateAsync(db, community, r, ct);
        if (errors.Any) return Failure.Invalid(errors);
        if (!community.IsActive) return Failure.Conflict("已撤销的社区党组织不能再登记小区。");
        var compound = new Compound
        {
            CommunityId = community.Id, GridId = grid?.Id, Name = r.Name.Trim(), Type = r.Type, Address = CreateUnit.Blank(r.Address),
            OrgPath = OrgRules.PlacePath(community, null, grid),
        };
        db.Compounds.Add(compound);
        await db.SaveChangesAsync(ct);
        return new PlaceSaved(compound.Id, compound.Version);
    }

    public static async Task<Outcome<PlaceSaved>> EditAsync(LianxinDb db, Guid id, CompoundRequest r, CancellationToken ct)
    {
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (compound is null) return Failure.NotFound;
        var community = await db.OrgUnits.AcrossScope().FirstAsync(u => u.Id == compound.CommunityId, ct);
        if (!db.Scope.Can(OrgPermissions.OrgManage, compound.OrgPath) || !db.Scope.Can(OrgPermissions.OrgManage, community.Path)) return Failure.Forbidden;
        var (errors, grid) = await ValidateAsync(db, community, r, ct);
        if (errors.Any) return Failure.Invalid(errors);
        if (compound.Version != r.Version) return Failure.Stale;

        db.Entry(compound).Property(c => c.Version).OriginalValue = r.Version;
        compound.Name = r.Name.Trim();
        compound.Type = r.Type;
        compound.Address = CreateUnit.Blank(r.Address);
        if (compound.GridId != grid?.Id)
        {
            compound.GridId = grid?.Id;
            var ownBranch = compound.BranchId is { } b ? await db.OrgUnits.AcrossScope().FirstOrDefaultAsync(u => u.Id == b, ct) : null;
            await db.RepathCompoundAsync(compound, OrgRules.PlacePath(community, ownBranch, grid), ct);
        }
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new PlaceSaved(compound.Id, compound.Version);
    }

    static async Task<(Errors, Grid?)> ValidateAsync(LianxinDb db, OrgUnit community, CompoundRequest r, CancellationToken ct)
    {
        var e = new Errors();
        e.Required("Name", r.Name, "请填写小区名称。");
        e.Max("Name", r.Name, 100, "小区名称");
        e.Max("Address", r.Address, 200, "地址");
        if (!Enum.IsDefined(r.Type)) e.Fail("Type", "请选择小区类型。");
        Grid? grid = null;
        if (r.GridId is { } gid)
        {
            grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == gid, ct);
            if (grid is null || grid.CommunityId != community.Id) e.Fail("GridId", "所选网格不属于本社区。");
        }
        return (e, grid);
    }
}
