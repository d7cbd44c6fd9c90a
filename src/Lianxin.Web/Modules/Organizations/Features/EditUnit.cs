using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>Edits what a unit is called and how it is reached; its place in the tree changes only by a move.</summary>
public class EditUnitRequest
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Code { get; set; }
    public BranchKind BranchKind { get; set; }
    public string? Contact { get; set; }
    public string? Address { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }

    public static EditUnitRequest From(OrgUnit u) => new()
    {
        Name = u.Name, ShortName = u.ShortName, Code = u.Code, BranchKind = u.BranchKind, Contact = u.Contact,
        Address = u.Address, SortOrder = u.SortOrder, Version = u.Version,
    };
}

public record UnitSaved(Guid Id, int Version);

public static class EditUnit
{
    public static async Task<Outcome<UnitSaved>> HandleAsync(LianxinDb db, Guid id, EditUnitRequest r, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, unit.Path)) return Failure.Forbidden;
        var errors = CreateUnit.ValidateFields(r.Name, r.ShortName, r.Code, r.Contact, r.Address, unit.Kind, r.BranchKind);
        if (errors.Any) return Failure.Invalid(errors);
        if (!unit.IsActive) return Failure.Conflict("已撤销的组织不能修改。");
        if (unit.Version != r.Version) return Failure.Stale;
        if (unit.Kind == OrgKind.Branch && unit.BranchKind != r.BranchKind)
        {
            var grids = await db.Grids.AcrossScope().CountAsync(g => g.BranchId == unit.Id, ct);
            var compounds = await db.Compounds.AcrossScope().CountAsync(c => c.BranchId == unit.Id, ct);
            if (OrgRules.CheckBranchKindChange(unit, r.BranchKind, grids, compounds) is { } why) return Failure.Conflict(why);
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = r.Version;
        unit.Name = r.Name.Trim();
        unit.ShortName = r.ShortName?.Trim() ?? "";
        unit.Code = r.Code?.Trim() ?? "";
        unit.BranchKind = r.BranchKind;
        unit.Contact = CreateUnit.Blank(r.Contact);
        unit.Address = CreateUnit.Blank(r.Address);
        unit.SortOrder = r.SortOrder;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new UnitSaved(unit.Id, unit.Version);
    }
}
