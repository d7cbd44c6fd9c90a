using System.Globalization;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Excel;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>
/// A rubric as an .xlsx a street can fill from its Word/Excel 细则: sheet "细则" with one row per item
/// (部分, 部分权重, 编号, 内容, 类型, 满分, 每处扣分, 最低分, 评分说明, 查看内容) and sheet "设置"
/// (加分总上限, 一票否决, 否决封顶分, and one "N星" row per star threshold), plus a 说明 sheet and a 类型 dropdown: it is the
/// import template too. Import reads the same layout.
/// </summary>
public static class RubricWorkbook
{
    static readonly string[] Types = ["评分", "扣分", "加分", "否决"];

    /// <summary>The 细则 sheet's columns, as the 说明 sheet explains them; 类型 is a dropdown.</summary>
    static readonly XlsxField[] Fields =
    [
        new("部分", "评分项所属部分，如“组织建设”；同名的行归入同一部分。", Required: true),
        new("部分权重", "该部分的权重（数字），同一部分只看第一行；不填为 1。"),
        new("编号", "评分项编号，如“1.1”；不填自动编号。") { Text = true },
        new("内容", "评分项内容。"),
        new("类型", "评分：按满分打分；扣分：每处扣分至最低分；加分：计入加分总上限；否决：一票否决项。不填为评分。") { Choices = Types },
        new("满分", "数字；否决项可不填。", Required: true),
        new("每处扣分", "扣分项每发现一处扣的分数。"),
        new("最低分", "扣分项最多扣到的分数。"),
        new("评分说明", "给评委看的评分标准，可不填。"),
        new("查看内容", "现场查看或查阅的材料，可不填。"),
    ];

    static string TypeName(ItemType t) => t switch { ItemType.Scored => "评分", ItemType.Deduction => "扣分", ItemType.Bonus => "加分", _ => "否决" };

    public static byte[] Write(RubricDefinition d)
    {
        var items = d.Items.Select(i =>
        {
            var s = d.Sections.First(x => x.Code == i.Section);
            var deduction = i.Type == ItemType.Deduction;
            return (IReadOnlyList<object?>)[s.Title, Xlsx.Number(s.Weight), i.Code, i.Title, TypeName(i.Type), Xlsx.Number(i.Max),
                Xlsx.Number(deduction ? i.PerOccurrence : null), Xlsx.Number(deduction ? i.Floor : null), i.Guidance, i.Evidence];
        });
        List<IReadOnlyList<object?>> settings =
        [
            ["加分总上限", Xlsx.Number(d.BonusCap)],
            ["一票否决", d.VetoEffect == VetoEffect.Zero ? "总分为零" : "总分封顶"],
            ["否决封顶分", Xlsx.Number(d.VetoCap)],
            .. d.Stars.OrderBy(s => s.Level).Select(s => (IReadOnlyList<object?>)[$"{s.Level}星", Xlsx.Number(s.MinScore)]),
        ];
        return Xlsx.Write([Xlsx.Sheet("细则", Fields, items), new XlsxSheet("设置", [], settings),
            Xlsx.Notes(Fields, "细则填写说明", "“细则”工作表每行一个评分项；“设置”工作表填加分总上限、一票否决（总分为零或总分封顶）、否决封顶分和各星级的最低分（如“3星 | 80”）。",
                "修改后在细则页面导入，系统逐行检查并指出有问题的行号。")]);
    }

    /// <summary>Reads the layout back; a row it cannot read is reported with its row number, in Chinese.</summary>
    public static (RubricDefinition? Definition, List<string> Errors) Read(Stream file)
    {
        var errors = new List<string>();
        Dictionary<string, List<XlsxRow>> book;
        try { book = Xlsx.ReadRaw(file, "细则", "设置"); }
        catch (InvalidDataException) { return (null, ["文件不是有效的 .xlsx 工作簿。"]); }
        {
            var rows = book.GetValueOrDefault("细则") ?? [];
            if (rows.Count < 2) return (null, ["找不到“细则”工作表或其中没有评分项。"]);
            var sections = new List<RubricSection>();
            var items = new List<RubricItem>();
            for (var n = 1; n < rows.Count; n++)
            {
                var c = rows[n];
                string At(int i) => c[i].Trim();
                if (c.Cells.All(string.IsNullOrWhiteSpace)) continue;
                var line = c.Number;
                var sectionTitle = At(0);
                if (sectionTitle == "") { errors.Add($"第 {line} 行：缺少“部分”。"); continue; }
                var section = sections.FirstOrDefault(s => s.Title == sectionTitle);
                if (section is null)
                {
                    section = new RubricSection { Code = $"S{sections.Count + 1}", Title = sectionTitle, Weight = Parse(At(1)) ?? 1 };
                    sections.Add(section);
                }
                ItemType? type = At(4) switch { "评分" or "" => ItemType.Scored, "扣分" => ItemType.Deduction, "加分" => ItemType.Bonus, "否决" => ItemType.Veto, _ => null };
                if (type is null) { errors.Add($"第 {line} 行：类型须为“评分”“扣分”“加分”或“否决”。"); continue; }
                var max = Parse(At(5));
                if (max is null && type != ItemType.Veto) { errors.Add($"第 {line} 行：满分须为数字。"); continue; }
                items.Add(new RubricItem
                {
                    Code = At(2) == "" ? $"{section.Code}-{items.Count + 1}" : At(2), Section = section.Code, Title = At(3), Type = type.Value, Max = max ?? 0,
                    PerOccurrence = Parse(At(6)) ?? 0, Floor = Parse(At(7)) ?? 0, Guidance = At(8) == "" ? null : At(8), Evidence = At(9) == "" ? null : At(9),
                });
            }
            var settings = (book.GetValueOrDefault("设置") ?? []).Where(r => r.Cells.Count >= 2).ToDictionary(r => r[0].Trim(), r => r[1].Trim());
            var stars = settings.Where(s => s.Key.EndsWith('星') && int.TryParse(s.Key[..^1], out _))
                .Select(s => new StarThreshold(int.Parse(s.Key[..^1]), Parse(s.Value) ?? 0)).ToList();
            var def = new RubricDefinition
            {
                Sections = sections, Items = items,
                BonusCap = Parse(settings.GetValueOrDefault("加分总上限")) ?? 0,
                VetoEffect = settings.GetValueOrDefault("一票否决") == "总分封顶" ? VetoEffect.Cap : VetoEffect.Zero,
                VetoCap = Parse(settings.GetValueOrDefault("否决封顶分")) ?? 0,
                Stars = stars,
            };
            return (errors.Count == 0 ? def : null, errors);
        }
    }

    static double? Parse(string? s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
