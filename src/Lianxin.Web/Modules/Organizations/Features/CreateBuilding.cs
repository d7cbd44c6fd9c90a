using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public class CreateBuildingRequest
{
    public Guid CompoundId { get; set; }
    public string Name { get; set; } = "";
    public int Floors { get; set; } = 6;
}

/// <summary>A building of a compound, scoped where the compound is; its 楼栋长 is a roster member assigned in Members (后三级网格).</summary>
public static class CreateBuilding
{
    public static async Task<Outcome<PlaceSaved>> HandleAsync(LianxinDb db, CreateBuildingRequest r, CancellationToken ct)
    {
        var compound = await db.Compounds.FirstOrDefaultAsync(c => c.Id == r.CompoundId, ct);
        if (compound is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, compound.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required("Name", r.Name, "请填写楼栋名称。");
        e.Max("Name", r.Name, 60, "楼栋名称");
        if (r.Floors is < 1 or > 200) e.Fail("Floors", "楼层数须在 1 到 200 之间。");
        if (e.Any) return Failure.Invalid(e);
        var name = r.Name.Trim();
        if (await db.Buildings.AnyAsync(b => b.CompoundId == compound.Id && b.Name == name, ct))
            return Failure.Invalid("Name", $"本小区已有名为“{name}”的楼栋。");
        var building = new Building
        {
            CompoundId = compound.Id, GridId = compound.GridId, OrgPath = compound.OrgPath, Name = name, Floors = r.Floors,
        };
        db.Buildings.Add(building);
        await db.SaveChangesAsync(ct);
        return new PlaceSaved(building.Id, 0);
    }
}
