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
    /// <summary>楼栋长; buildings with one count towards coverage.</summary>
    public string? LeaderName { get; set; }
    public string? LeaderPhone { get; set; }
}

/// <summary>A building of a compound, scoped where the compound is.</summary>
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
        e.Max("LeaderName", r.LeaderName, 60, "楼栋长姓名");
        if (string.IsNullOrWhiteSpace(r.LeaderName) && !string.IsNullOrWhiteSpace(r.LeaderPhone)) e.Fail("LeaderName", "填写了楼栋长电话，请同时填写楼栋长姓名。");
        if (!string.IsNullOrWhiteSpace(r.LeaderPhone) && !System.Text.RegularExpressions.Regex.IsMatch(r.LeaderPhone.Trim(), @"^[0-9\-+ ]{5,20}$"))
            e.Fail("LeaderPhone", "联系电话只能包含数字、空格、加号和短横线，5 到 20 位。");
        if (e.Any) return Failure.Invalid(e);
        var name = r.Name.Trim();
        if (await db.Buildings.AnyAsync(b => b.CompoundId == compound.Id && b.Name == name, ct))
            return Failure.Invalid("Name", $"本小区已有名为“{name}”的楼栋。");
        var building = new Building
        {
            CompoundId = compound.Id, GridId = compound.GridId, OrgPath = compound.OrgPath, Name = name, Floors = r.Floors,
            LeaderName = CreateUnit.Blank(r.LeaderName), LeaderPhone = CreateUnit.Blank(r.LeaderPhone),
        };
        db.Buildings.Add(building);
        await db.SaveChangesAsync(ct);
        return new PlaceSaved(building.Id, 0);
    }
}
