namespace Lianxin.Web.Modules.Reviews.Domain;

/// <summary>What a reviewer entered for one item, with an optional note (its photos are rows of rev_photos).</summary>
public record ItemEntry(double Value, string? Note = null);

/// <summary>One sheet's result: base (weighted), bonus (capped), total after any veto, points per section.</summary>
public record SheetResult(double Base, double Bonus, double Total, bool Vetoed, IReadOnlyDictionary<string, double> Sections);

/// <summary>How an entry becomes points, and what a valid entry is.</summary>
public static class ScoreRules
{
    public static bool IsHalfStep(double v) => Math.Abs(v * 2 - Math.Round(v * 2)) < 1e-9;

    /// <summary>Null when <paramref name="value"/> is acceptable for <paramref name="item"/>; otherwise why not, in Chinese.</summary>
    public static string? Check(RubricItem item, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return $"“{item.Title}”的分值无效。";
        return item.Type switch
        {
            ItemType.Scored or ItemType.Bonus when value < 0 || value > item.Max =>
                $"“{item.Title}”的得分须在 0 到 {item.Max:0.#} 之间。",
            ItemType.Scored or ItemType.Bonus when !IsHalfStep(value) =>
                $"“{item.Title}”的得分须为 0.5 的整数倍。",
            ItemType.Deduction when value < 0 || value != Math.Floor(value) || value > 1000 =>
                $"“{item.Title}”的问题处数须为不小于 0 的整数。",
            ItemType.Veto when value is not (0 or 1) =>
                $"“{item.Title}”为一票否决项，只能选择“未触发”或“触发”。",
            _ => null,
        };
    }

    /// <summary>
    /// The points of an item read from an indicator: full marks at or above <paramref name="fullAt"/>, proportionally less
    /// below it (rounded to 0.01), nothing when the period has no figure.
    /// </summary>
    public static double FromIndicator(double max, decimal? figure, double fullAt) =>
        figure is not { } f || f <= 0 ? 0 : Math.Round(max * Math.Min(1, (double)f / fullAt), 2);

    /// <summary>Points an entry earns (before section weight); a veto item earns none itself.</summary>
    public static double Points(RubricItem item, double value) => item.Type switch
    {
        ItemType.Scored => value,
        ItemType.Bonus => Math.Min(value, item.Max),
        ItemType.Deduction => Math.Max(item.Floor, item.Max - value * item.PerOccurrence),
        _ => 0,
    };

    /// <summary>A sheet's total. Items not yet entered count as full marks for deductions (nothing found) and zero otherwise.</summary>
    public static SheetResult Score(RubricDefinition rubric, IReadOnlyDictionary<string, ItemEntry> entries)
    {
        var sections = new Dictionary<string, double>();
        double baseTotal = 0, bonus = 0;
        var vetoed = false;
        foreach (var s in rubric.Sections)
        {
            double points = 0;
            foreach (var item in rubric.Items.Where(i => i.Section == s.Code))
            {
                var value = entries.TryGetValue(item.Code, out var e) ? e.Value : 0;
                switch (item.Type)
                {
                    case ItemType.Bonus: bonus += Points(item, value); break;
                    case ItemType.Veto: vetoed |= value >= 1; break;
                    default: points += Points(item, value); break;
                }
            }
            sections[s.Code] = Math.Round(points * s.Weight, 2);
            baseTotal += points * s.Weight;
        }
        bonus = Math.Min(bonus, rubric.BonusCap);
        var total = baseTotal + bonus;
        if (vetoed) total = rubric.VetoEffect == VetoEffect.Zero ? 0 : Math.Min(total, rubric.VetoCap);
        return new SheetResult(Math.Round(baseTotal, 2), Math.Round(bonus, 2), Math.Round(total, 2), vetoed, sections);
    }

    /// <summary>Checks every entry; unknown items are errors too. Keys are the item codes.</summary>
    public static Dictionary<string, string> CheckAll(RubricDefinition rubric, IReadOnlyDictionary<string, ItemEntry> entries)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (code, entry) in entries)
        {
            var item = rubric.Item(code);
            if (item is null) errors[code] = $"细则中没有编号为“{code}”的评分项。";
            else if (Check(item, entry.Value) is { } why) errors[code] = why;
            else if (entry.Note?.Length > 500) errors[code] = $"“{item.Title}”的备注不能超过 500 个字符。";
        }
        return errors;
    }
}
