using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Rollups.Domain;

/// <summary>How a figure is shown: rates as percentages, everything to one decimal.</summary>
public static class Figures
{
    public static decimal? Shown(IndicatorValue? value, IndicatorUnit unit) =>
        value?.Value is not { } v ? null : Math.Round(unit == IndicatorUnit.Percent ? v * 100 : v, 1);

    /// <summary>An indicator's figure for one subtree out of a catalogue read, as shown; null when the read has none.</summary>
    public static decimal? Shown(IReadOnlyDictionary<(string Code, string Path), IndicatorValue> values, Indicator indicator, string path) =>
        Shown(values.TryGetValue((indicator.Code, path), out var v) ? v : null, indicator.Unit);

    /// <summary>Each area's first indicator: what a reader sees unless they pick others.</summary>
    public static List<Indicator> Headlines(IEnumerable<Indicator> all) => all.GroupBy(i => i.Module).Select(g => g.First()).ToList();

    public static string UnitName(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Hours => "小时",
        IndicatorUnit.Points => "积分",
        IndicatorUnit.Days => "天",
        _ => "",
    };

    /// <summary>The best of the values (the highest, or the lowest where lower is better); null when none has a value.</summary>
    public static decimal? Best(IEnumerable<decimal?> values, bool higherIsBetter)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : higherIsBetter ? present.Max() : present.Min();
    }

    public static decimal? Mean(IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Math.Round(present.Average(), 1);
    }

    public static decimal? Gap(decimal? value, decimal? other) => value is { } a && other is { } b ? a - b : null;

    public static string Format(decimal? value, IndicatorUnit unit) =>
        value is not { } v ? "—" : unit == IndicatorUnit.Count && v == Math.Round(v) ? v.ToString("0") : v.ToString("0.0") + (unit == IndicatorUnit.Percent ? "%" : "");
}

/// <summary>The Chinese title of a module's area in the quarterly workbook (the sheet name).</summary>
public static class Areas
{
    static readonly Dictionary<string, string> Names = new()
    {
        ["Organizations"] = "组织覆盖", ["Members"] = "党员与双报到", ["Reviews"] = "观摩评比", ["Demands"] = "群众诉求",
        ["Pledges"] = "为民办实事", ["CoBuilding"] = "共驻共建", ["OrgLife"] = "组织生活", ["Volunteering"] = "志愿服务",
        ["PointsBank"] = "积分银行", ["Deliberation"] = "三级议事", ["Targets"] = "重点任务", ["Venues"] = "阵地建设",
        ["Showcase"] = "品牌宣传", ["PartyWork"] = "党务工作", ["Mediation"] = "矛盾调解", ["Campaigns"] = "专项行动",
    };

    public static string Of(string module) => Platform.Localization.Text.Of(Names.GetValueOrDefault(module, module));
}

/// <summary>Who is compared under a unit: a district's streets, a street's communities, a community's branches (not the offices' own branches).</summary>
public static class Peers
{
    public static OrgKind Of(OrgKind parent) => parent switch
    {
        OrgKind.District => OrgKind.Street,
        OrgKind.Street => OrgKind.Community,
        _ => OrgKind.Branch,
    };

    /// <summary>The active units compared under <paramref name="parent"/>, in display order.</summary>
    public static async Task<List<OrgUnitRef>> UnderAsync(OrgDirectory org, OrgUnitRef parent, CancellationToken ct) =>
        (await org.ChildrenAsync(parent.Id, ct))
            .Where(u => u.IsActive && u.Kind == Of(parent.Kind))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToList();
}
