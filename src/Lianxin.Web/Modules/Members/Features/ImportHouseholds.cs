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
    static readonly XlsxField[] Fields =
    [
        new("小区", "系统中已有、在您管辖范围内的小区名称。", Required: true),
        new("楼栋", "该小区中系统已有的楼栋名称，如“1号楼”。", Required: true),
        new("单元", "如“3单元”，没有单元的楼可不填。") { Text = true },
        new("房号", "如“901”或“0901”，与门牌一致。", Required: true) { Text = true },
        new("居住人数", "0 到 50 的整数，可不填。"),
    ];

    public static readonly string[] Headers = [.. Fields.Select(f => f.Header)];

    /// <summary>The import template for the caller: the compounds column a dropdown of the compounds with buildings they manage.</summary>
    public static async Task<Outcome<byte[]>> TemplateAsync(LianxinDb db, PlaceDirectory places, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Failure.Forbidden;
        var buildings = await ManageableAsync(db, places, ct);
        return Xlsx.Template("住户导入模板", WithCompounds(buildings.Keys.Select(k => k.Compound)),
            "住户导入模板填写说明", "第一行为列名，请勿修改；每行一户。楼栋须已在系统中录入；同一楼栋、单元、房号已有的住户会跳过，不会重复导入。");
    }

    static XlsxField[] WithCompounds(IEnumerable<string> compounds) =>
        [.. Fields.Select(f => f.Header == "小区" ? f with { Choices = [.. compounds.Distinct().Order()] } : f)];

    /// <summary>Buildings the caller may manage, by compound and building name (null when the pair names more than one).</summary>
    static async Task<Dictionary<(string Compound, string Building), BuildingRef?>> ManageableAsync(LianxinDb db, PlaceDirectory places, CancellationToken ct)
    {
        var manageable = (await places.BuildingsInScopeAsync(ct)).Where(b => db.Scope.Can(MemberPermissions.MemberManage, b.OrgPath)).ToList();
        var compounds = (await places.CompoundsAsync(manageable.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id, c => c.Name);
        return manageable.Where(b => compounds.ContainsKey(b.CompoundId))
            .GroupBy(b => (Compound: compounds[b.CompoundId], Building: b.Name)).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null);
    }

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

        var buildings = await ManageableAsync(db, places, ct);
        var ids = buildings.Values.Where(b => b is not null).Select(b => b!.Id).ToList();
        var existing = (await places.HouseholdsOfBuildingsAsync(ids, ct)).Select(h => (h.BuildingId, h.Unit, h.Room)).ToHashSet();

        var seen = new Dictionary<(Guid, string, string), int>();
        var rejects = new List<(SheetRow Row, string Reason)>();
        var toAdd = new List<NewHousehold>();
        var skipped = 0;
        foreach (var r in rows)
        {
            var errors = new List<string>(); // every problem of the row, not only the first
            buildings.TryGetValue((r["小区"], r["楼栋"]), out var building);
            var residents = 0;
            if (r["小区"] == "" || r["楼栋"] == "") errors.Add("小区或楼栋为空。");
            else if (!buildings.ContainsKey((r["小区"], r["楼栋"]))) errors.Add($"未知楼栋“{r["小区"]} {r["楼栋"]}”，或不在您的管辖范围内。");
            else if (building is null) errors.Add("小区和楼栋名称不唯一，请在系统中录入。");
            if (r["房号"] == "") errors.Add("房号为空。");
            if (r["房号"].Length > 20 || r["单元"].Length > 20) errors.Add("单元或房号过长。");
            if (r["居住人数"] != "" && (!int.TryParse(r["居住人数"], out residents) || residents is < 0 or > 50)) errors.Add("居住人数应为 0 到 50 的整数。");
            if (errors.Count == 0)
            {
                var key = (building!.Id, r["单元"], r["房号"]);
                if (seen.TryGetValue(key, out var first)) errors.Add($"与第 {first} 行重复。");
                else
                {
                    seen[key] = r.Number;
                    if (existing.Contains(key)) { skipped++; continue; }
                    toAdd.Add(new NewHousehold(building.Id, r["单元"], r["房号"], residents));
                    continue;
                }
            }
            rejects.Add((r, ImportMembers.Reason(errors)!));
        }
        await places.AddHouseholdsAsync(toAdd, ct); // one transaction: all valid rows or none

        string? workbook = null;
        if (rejects.Count > 0)
        {
            XlsxField[] fields = [new("行号", "原文件中的行号。"), .. WithCompounds(buildings.Keys.Select(k => k.Compound)), new(ImportMembers.ReasonHeader, "该行未导入的全部原因。")];
            workbook = Convert.ToBase64String(Xlsx.Write([Xlsx.Sheet("未导入的行", fields,
                rejects.Select(x => (IReadOnlyList<object?>)[x.Row.Number, .. Headers.Select(x.Row.Original), x.Reason]))]));
        }
        return new ImportResult(rows.Count, toAdd.Count, skipped, rejects.Select(x => new ImportReject(x.Row.Number, $"{x.Row["小区"]} {x.Row["楼栋"]} {x.Row["房号"]}", x.Reason)).ToList(), workbook);
    }
}
