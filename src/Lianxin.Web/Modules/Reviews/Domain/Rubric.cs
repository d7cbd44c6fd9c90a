using System.Text.Json.Serialization;
namespace Lianxin.Web.Modules.Reviews.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ItemType>))]
public enum ItemType { Scored, Deduction, Bonus, Veto }

[JsonConverter(typeof(JsonStringEnumConverter<VetoEffect>))]
public enum VetoEffect { Zero, Cap }

[JsonConverter(typeof(JsonStringEnumConverter<RubricPurpose>))]
public enum RubricPurpose { Quarterly, Annual, FiveStar, ModelSite, StarBuilding }

/// <summary>One line of a 细则. What a reviewer enters depends on the type:
/// Scored 0..Max (step 0.5); Deduction = number of occurrences found; Bonus 0..Max (step 0.5); Veto 0 or 1.</summary>
public record RubricItem
{
    public string Code { get; init; } = "";
    public string Section { get; init; } = "";
    public string Title { get; init; } = "";
    public ItemType Type { get; init; }
    public double Max { get; init; }
    /// <summary>Deduction: points off per occurrence.</summary>
    public double PerOccurrence { get; init; }
    /// <summary>Deduction: the item never goes below this.</summary>
    public double Floor { get; init; }
    public string? Guidance { get; init; }
    public string? Evidence { get; init; }
    /// <summary>Scored only: the catalogued indicator (e.g. <c>orglife.compliance_rate</c>) the item's points are read from for
    /// the round's period, instead of a reviewer's entry.</summary>
    public string? Indicator { get; init; }
    /// <summary>With <see cref="Indicator"/>: the figure (percent for rates) at or above which the item earns full marks; below it, proportionally less.</summary>
    public double? FullAt { get; init; }
}

public record RubricSection
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>Multiplies the section's points in the base total (1 = as written).</summary>
    public double Weight { get; init; } = 1;
    /// <summary>Optional parent section code (a third level).</summary>
    public string? Parent { get; init; }
}

/// <summary>A star level earned from a result at or above <see cref="MinScore"/>.</summary>
public record StarThreshold(int Level, double MinScore);

/// <summary>The content of one rubric version; stored as JSON, validated and scored here.</summary>
public record RubricDefinition
{
    public List<RubricSection> Sections { get; init; } = [];
    public List<RubricItem> Items { get; init; } = [];
    /// <summary>The "X" of 200+X: bonus counted beyond the base, at most this much overall.</summary>
    public double BonusCap { get; init; }
    public VetoEffect VetoEffect { get; init; } = VetoEffect.Zero;
    /// <summary>With <see cref="VetoEffect.Cap"/>: the total cannot exceed this when a veto item is triggered.</summary>
    public double VetoCap { get; init; }
    public List<StarThreshold> Stars { get; init; } = [];

    /// <summary>Full marks of the base (bonus and veto items excluded), weighted.</summary>
    public double BaseMax => Sections.Sum(s => s.Weight * Items.Where(i => i.Section == s.Code && i.Type is ItemType.Scored or ItemType.Deduction).Sum(i => i.Max));

    public RubricItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    /// <summary>Structure errors in Chinese, keyed by a field path; empty when the rubric can be used.</summary>
    public Dictionary<string, string> Validate()
    {
        var e = new Dictionary<string, string>();
        if (Sections.Count == 0) e["Sections"] = "细则至少要有一个部分。";
        if (Items.Count == 0) e["Items"] = "细则至少要有一个评分项。";
        var sectionCodes = new HashSet<string>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var s = Sections[i];
            if (string.IsNullOrWhiteSpace(s.Code) || !sectionCodes.Add(s.Code)) e[$"Sections[{i}].Code"] = "部分编号不能为空，也不能重复。";
            if (string.IsNullOrWhiteSpace(s.Title)) e[$"Sections[{i}].Title"] = "请填写部分名称。";
            if (s.Weight <= 0 || s.Weight > 10) e[$"Sections[{i}].Weight"] = "权重须大于 0 且不超过 10。";
        }
        for (var i = 0; i < Sections.Count; i++)
            if (Sections[i].Parent is { } p && (!sectionCodes.Contains(p) || p == Sections[i].Code)) e[$"Sections[{i}].Parent"] = $"上级部分“{p}”不存在。";
        var itemCodes = new HashSet<string>();
        for (var i = 0; i < Items.Count; i++)
        {
            var it = Items[i];
            var at = $"Items[{i}]";
            if (string.IsNullOrWhiteSpace(it.Code) || !itemCodes.Add(it.Code)) e[$"{at}.Code"] = "评分项编号不能为空，也不能重复。";
            if (string.IsNullOrWhiteSpace(it.Title)) e[$"{at}.Title"] = "请填写评分项内容。";
            if (!sectionCodes.Contains(it.Section)) e[$"{at}.Section"] = $"评分项“{it.Title}”所属的部分不存在。";
            if (it.Type != ItemType.Veto && (it.Max <= 0 || it.Max > 1000 || !ScoreRules.IsHalfStep(it.Max)))
                e[$"{at}.Max"] = "满分须大于 0、不超过 1000，且为 0.5 的整数倍。";
            if (it.Indicator is not null)
            {
                if (it.Type != ItemType.Scored) e[$"{at}.Indicator"] = "只有得分项可以从指标取数。";
                if (it.FullAt is not (> 0 and <= 1_000_000)) e[$"{at}.FullAt"] = "从指标取数的评分项须填写满分门槛（大于 0）。";
            }
            if (it.Type == ItemType.Deduction)
            {
                if (it.PerOccurrence <= 0) e[$"{at}.PerOccurrence"] = "扣分项须填写每处扣分（大于 0）。";
                if (it.Floor < 0 || it.Floor >= it.Max) e[$"{at}.Floor"] = "扣分项的最低分须不小于 0 且小于满分。";
            }
        }
        if (BonusCap < 0) e["BonusCap"] = "加分总上限不能为负数。";
        if (Items.Any(i => i.Type == ItemType.Bonus) && BonusCap <= 0) e["BonusCap"] = "有加分项时须填写加分总上限。";
        if (VetoEffect == VetoEffect.Cap && Items.Any(i => i.Type == ItemType.Veto) && VetoCap <= 0) e["VetoCap"] = "一票否决封顶分须大于 0。";
        var levels = Stars.OrderBy(s => s.Level).ToList();
        for (var i = 1; i < levels.Count; i++)
            if (levels[i].Level == levels[i - 1].Level || levels[i].MinScore <= levels[i - 1].MinScore)
                e["Stars"] = "星级门槛须随星级升高而升高，且不能重复。";
        return e;
    }
}
