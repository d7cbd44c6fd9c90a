using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>An item's score read from an indicator: the figure it came from (as shown, e.g. "92.5%"), the period and the points.</summary>
public record IndicatorScore(string ItemCode, string Indicator, string IndicatorName, decimal? Figure, string Shown, double FullAt, double Points,
    DateOnly From, DateOnly To)
{
    public string Note => $"{IndicatorName} {Shown}（{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}，{FullAtText}及以上得满分）";
    string FullAtText => Shown.EndsWith('%') ? $"{FullAt:0.##}%" : $"{FullAt:0.##}";
}

/// <summary>
/// Rubric items that read a catalogued indicator instead of a reviewer's entry. The period is the round's: the three months
/// (a quarterly rubric) or twelve months (any other) before its first visit day (before the day it was created when it has
/// no visit days). The figure is read for the reviewed unit's subtree.
/// </summary>
public static class IndicatorScores
{
    /// <summary>Items naming an indicator the catalogue does not have; keys as the rubric editor's fields.</summary>
    public static Errors Check(RubricDefinition def, IndicatorCatalog catalog)
    {
        var e = new Errors();
        for (var i = 0; i < def.Items.Count; i++)
            if (def.Items[i].Indicator is { } code && catalog.Find(code) is null)
                e.Fail($"Definition.Items[{i}].Indicator", $"指标目录中没有“{code}”，请从列表中选择。");
        return e;
    }

    public static (DateOnly From, DateOnly To) PeriodOf(ReviewRound round, RubricPurpose purpose)
    {
        var end = (round.StartsOn ?? DateOnly.FromDateTime(ChinaTime.ToBeijing(round.CreatedAt))).AddDays(-1);
        return (end.AddDays(1).AddMonths(purpose == RubricPurpose.Quarterly ? -3 : -12), end);
    }

    public static async Task<IReadOnlyDictionary<string, IndicatorScore>> ComputeAsync(LianxinDb db, IndicatorCatalog? catalog, ReviewRound round,
        RubricDefinition def, Guid unitId, CancellationToken ct)
    {
        var items = def.Items.Where(i => i.Indicator is not null && i.Type == ItemType.Scored).ToList();
        if (items.Count == 0) return new Dictionary<string, IndicatorScore>();
        if (catalog is null) throw new InvalidOperationException("A rubric with indicator items needs the indicator catalogue.");
        var purpose = await db.Rubrics.Where(r => r.Id == round.RubricId).Select(r => r.Purpose).FirstAsync(ct);
        var (from, to) = PeriodOf(round, purpose);
        var path = await db.RoundUnits.Where(u => u.RoundId == round.Id && u.UnitId == unitId).Select(u => u.OrgPath).FirstAsync(ct);
        var codes = items.Select(i => i.Indicator!).Distinct().Where(c => catalog.Find(c) is not null).ToList();
        var values = await catalog.ReadAsync(codes, [path], from, to, ct);
        var result = new Dictionary<string, IndicatorScore>();
        foreach (var item in items)
        {
            var indicator = catalog.Find(item.Indicator!);
            decimal? figure = indicator is not null && values.TryGetValue((indicator.Code, path), out var v) ? v.Value : null;
            if (figure is { } f && indicator!.Unit == IndicatorUnit.Percent) figure = Math.Round(f * 100, 1);
            else if (figure is { } g) figure = Math.Round(g, 2);
            var shown = figure is null ? "本期无数据" : indicator!.Unit == IndicatorUnit.Percent ? $"{figure:0.#}%" : $"{figure:0.##}";
            var fullAt = item.FullAt ?? 0;
            result[item.Code] = new IndicatorScore(item.Code, item.Indicator!, indicator?.Name ?? item.Indicator!, figure, shown, fullAt,
                ScoreRules.FromIndicator(item.Max, figure, fullAt), from, to);
        }
        return result;
    }

    /// <summary>The entries with every indicator item's computed points in place of whatever was entered for it.</summary>
    public static Dictionary<string, ItemEntry> Apply(IReadOnlyDictionary<string, ItemEntry> entries, IReadOnlyDictionary<string, IndicatorScore> computed)
    {
        var result = entries.Where(e => !computed.ContainsKey(e.Key)).ToDictionary(e => e.Key, e => e.Value);
        foreach (var (code, score) in computed) result[code] = new ItemEntry(score.Points, score.Note);
        return result;
    }
}
