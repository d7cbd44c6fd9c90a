using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public record UnitCreated(Guid Id, string Path);

/// <summary>A new unit under a parent the caller manages.</summary>
public class CreateUnitRequest
{
    public Guid ParentId { get; set; }
    public OrgKind Kind { get; set; } = OrgKind.Branch;
    public BranchKind BranchKind { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Code { get; set; }
    public string? Contact { get; set; }
    public string? Address { get; set; }
    public int SortOrder { get; set; }
}

public static class CreateUnit
{
    /// <summary>Checks shared by create and edit: the fields a person types.</summary>
    public static Errors ValidateFields(string? name, string? shortName, string? code, string? contact, string? address, OrgKind kind, BranchKind branchKind)
    {
        var e = new Errors();
        e.Required("Name", name, "请填写组织名称。");
        e.Max("Name", name, 100, "组织名称");
        e.Max("ShortName", shortName, 60, "简称");
        e.Max("Code", code, 40, "组织编码");
        e.Max("Contact", contact, 60, "联系电话");
        e.Max("Address", address, 200, "地址");
        if (kind == OrgKind.Branch && branchKind == BranchKind.None) e.Fail("BranchKind", "请选择党支部类别。");
        if (kind != OrgKind.Branch && branchKind != BranchKind.None) e.Fail("BranchKind", "只有党支部才有支部类别。");
        return e;
    }

    public static async Task<Outcome<UnitCreated>> HandleAsync(LianxinDb db, TimeProvider clock, CreateUnitRequest r, CancellationToken ct)
    {
        var parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == r.ParentId, ct);
        if (parent is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, parent.Path)) return Failure.Forbidden;
        var errors = ValidateFields(r.Name, r.ShortName, r.Code, r.Contact, r.Address, r.Kind, r.BranchKind);
        if (!errors.Any && OrgRules.CheckCreate(parent, r.Kind) is { } why) errors.Fail("Kind", why);
        if (errors.Any) return Failure.Invalid(errors);

        var id = Guid.CreateVersion7();
        var unit = new OrgUnit
        {
            Id = id, ParentId = parent.Id, Path = OrgUnit.PathOf(parent.Path, id), Depth = parent.Depth + 1,
            Kind = r.Kind, BranchKind = r.BranchKind, Name = r.Name.Trim(), ShortName = r.ShortName?.Trim() ?? "",
            Code = r.Code?.Trim() ?? "", Contact = Blank(r.Contact), Address = Blank(r.Address), SortOrder = r.SortOrder,
        };
        db.OrgUnits.Add(unit);
        db.RecordChange(clock, unit.Id, OrgChangeKind.Created, parent.Id);
        await db.SaveChangesAsync(ct);
        return new UnitCreated(unit.Id, unit.Path);
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
