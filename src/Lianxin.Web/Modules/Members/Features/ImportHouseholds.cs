using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// Households (住户) from an .xlsx, for central households and coverage: each row names an existing compound and
/// building in the caller's scope, a unit and a room. Valid rows are stored in one transaction, rejected rows
/// come back with the reason, and a household already recorded (same building, unit and room) is skipped.
/// </summary>
public static class ImportHouseholds
{
    public static readonly string[] Headers = ["小区", "楼栋", "单元", "房号", "居住人数"];

    public static byte[] Template() => Xlsx.Write("住户导入模板", Headers, []);

    public static async Task<Outcome<ImportResult>> HandleAsync(LianxinDb db, PlaceDirectory places, Stream file, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Failure.Forbidden;
        List<SheetRow> rows;
        try { rows = Xlsx.Read(file); }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or ArgumentException or System.Xml.XmlException)
        {
            return Failure.Invalid("file", "无法读取文件，请使用 .xlsx 格式的导入模板。");
        }
        if (rows.Count == 0) return Failure.Invalid("file", "文件中没有数据行。");

        // Buildings the caller may manage, by compound and building name.
        var manageable = (await places.BuildingsInScopeAsync(ct)).Where(b => db.Scope.Can(MemberPermissions.MemberManage, b.OrgPath)).ToList();
        var compounds = (await places.CompoundsAsync(manageable.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        var buildings = manageable.Where(b => compounds.ContainsKey(b.CompoundId))
            .GroupBy(b => (Compound: compounds[b.CompoundId], Building: b.Name)).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null);
        var ids = buildings.Values.Where(b => b is not null).Select(b => b!.Id).ToList();
        var existing = (await places.HouseholdsOfBuildingsAsync(ids, ct)).Select(h => (h.BuildingId, h.Unit, h.Room)).ToHashSet();

        var seen = new Dictionary<(Guid, string, string), int>();
        var rejects = new List<(SheetRow Row, string Reason)>();
        var toAdd = new List<NewHousehold>();
        var skipped = 0;
        foreach (var r in rows)
        {
            string? reason = null;
            buildings.TryGetValue((r["小区"], r["楼栋"]), out var building);
            var residents = 0;
            if (r["小区"] == "" || r["楼栋"] == "") reason = "小区或楼栋为空。";
            else if (!buildings.ContainsKey((r["小区"], r["楼栋"]))) reason = $"未知楼栋“{r["小区"]} {r["楼栋"]}”，或不在您的管辖范围内。";
            else if (building is null) reason = "小区和楼栋名称不唯一，请在系统中录入。";
            else if (r["房号"] == "") reason = "房号为空。";
            else if (r["房号"].Length > 20 || r["单元"].Length > 20) reason = "单元或房号过长。";
            else if (r["居住人数"] != "" && (!int.TryParse(r["居住人数"], out residents) || residents is < 0 or > 50)) reason = "居住人数应为 0 到 50 的整数。";
            if (reason is null)
            {
                var key = (building!.Id, r["单元"], r["房号"]);
                if (seen.TryGetValue(key, out var first)) reason = $"与第 {first} 行重复。";
                else
                {
                    seen[key] = r.Number;
                    if (existing.Contains(key)) { skipped++; continue; }
                    toAdd.Add(new NewHousehold(building.Id, r["单元"], r["房号"], residents));
                    continue;
                }
            }
            rejects.Add((r, reason));
        }
        await places.AddHouseholdsAsync(toAdd, ct); // one transaction: all valid rows or none

        string? workbook = null;
        if (rejects.Count > 0)
            workbook = Convert.ToBase64String(Xlsx.Write("未导入的行", [.. Headers.Prepend("行号"), ImportMembers.ReasonHeader],
                rejects.Select(x => (IReadOnlyList<object?>)[x.Row.Number, .. Headers.Select(h => (object?)x.Row[h]), x.Reason])));
        return new ImportResult(rows.Count, toAdd.Count, skipped, rejects.Select(x => new ImportReject(x.Row.Number, $"{x.Row["小区"]} {x.Row["楼栋"]} {x.Row["房号"]}", x.Reason)).ToList(), workbook);
    }
}
