using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

public class HouseholdItem
{
    public string Unit { get; set; } = "";
    public string Room { get; set; } = "";
    public int Residents { get; set; } = 1;
}

public class AddHouseholdsRequest
{
    public List<HouseholdItem> Items { get; set; } = [];

    /// <summary>For the page: one unit (单元) and rooms typed as "101, 102, 201".</summary>
    public static AddHouseholdsRequest FromRooms(string? unit, string? rooms, int residents) => new()
    {
        Items = (rooms ?? "").Split([',', '，', ' ', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(room => new HouseholdItem { Unit = unit?.Trim() ?? "", Room = room, Residents = residents }).ToList(),
    };
}

public record HouseholdsAdded(int Added, int Total);

/// <summary>Adds households (户) to a building; a room already recorded is refused, not doubled.</summary>
public static class AddHouseholds
{
    public static async Task<Outcome<HouseholdsAdded>> HandleAsync(LianxinDb db, Guid buildingId, AddHouseholdsRequest r, CancellationToken ct)
    {
        var building = await db.Buildings.FirstOrDefaultAsync(b => b.Id == buildingId, ct);
        if (building is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, building.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        var items = r.Items ?? []; // a client's "items": null is "nothing filled in", not a crash
        if (items.Count == 0) e.Fail("Items", "请至少填写一个房号。");
        if (items.Count > 500) e.Fail("Items", "一次最多登记 500 户。");
        foreach (var (item, i) in items.Select((x, i) => (x, i)))
        {
            if (item is null) { e.Fail("Items", $"第 {i + 1} 户没有填写。"); continue; }
            if (string.IsNullOrWhiteSpace(item.Room) || item.Room.Trim().Length > 20) e.Fail("Items", $"第 {i + 1} 户的房号须为 1 到 20 个字符。");
            if (item.Unit?.Trim().Length > 20) e.Fail("Items", $"第 {i + 1} 户的单元不能超过 20 个字符。");
            if (item.Residents is < 0 or > 50) e.Fail("Items", $"第 {i + 1} 户的居住人数须在 0 到 50 之间。");
        }
        var keys = items.Where(x => x is not null).Select(x => (x.Unit?.Trim() ?? "") + "|" + x.Room?.Trim()).ToList();
        if (keys.Distinct().Count() != keys.Count) e.Fail("Items", "填写的房号有重复。");
        if (e.Any) return Failure.Invalid(e);
        var existing = (await db.Households.Where(h => h.BuildingId == building.Id).Select(h => new { h.Unit, h.Room }).ToListAsync(ct))
            .Select(h => h.Unit + "|" + h.Room).ToHashSet();
        var dup = keys.FirstOrDefault(existing.Contains);
        if (dup is not null) return Failure.Invalid("Items", $"房号 {dup.Replace("|", " ").Trim()} 已登记。");

        foreach (var item in items.OfType<HouseholdItem>()) // no nulls are left after the checks above
            db.Households.Add(new Household { BuildingId = building.Id, OrgPath = building.OrgPath, Unit = item.Unit?.Trim() ?? "", Room = item.Room.Trim(), Residents = item.Residents });
        await db.SaveChangesAsync(ct);
        return new HouseholdsAdded(items.Count, existing.Count + items.Count);
    }
}
