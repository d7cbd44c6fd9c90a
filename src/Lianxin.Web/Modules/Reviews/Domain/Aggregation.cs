using System.Text.Json.Serialization;
namespace Lianxin.Web.Modules.Reviews.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<AggregationRule>))]
public enum AggregationRule { Mean, TrimmedMean, WeightedByRole }

/// <summary>How a round turns the panel's sheets for one unit into one number.</summary>
public record AggregationSettings(AggregationRule Rule, int TrimMinReviewers = 5, IReadOnlyDictionary<string, double>? RoleWeights = null)
{
    public static readonly AggregationSettings Mean = new(AggregationRule.Mean);
}

/// <summary>One submitted sheet's value for a unit; <see cref="PanelRole"/> is the reviewer's role on the panel (e.g. 组长, 评委).</summary>
public record ReviewerValue(Guid ReviewerId, string PanelRole, double Value);

public static class Aggregation
{
    /// <summary>The unit's score from its submitted sheets, or null when there are none (missing sheets simply do not count).
    /// A trimmed mean drops one highest and one lowest only with at least <c>TrimMinReviewers</c> sheets (and never fewer than 3),
    /// otherwise it is the plain mean. A role without a weight counts 1.</summary>
    public static double? Combine(AggregationSettings settings, IReadOnlyList<ReviewerValue> values)
    {
        if (values.Count == 0) return null;
        switch (settings.Rule)
        {
            case AggregationRule.TrimmedMean when values.Count >= Math.Max(3, settings.TrimMinReviewers):
                var sorted = values.Select(v => v.Value).Order().ToList();
                return Math.Round(sorted.Skip(1).Take(sorted.Count - 2).Average(), 2);
            case AggregationRule.WeightedByRole:
                double sum = 0, weights = 0;
                foreach (var v in values)
                {
                    var w = settings.RoleWeights is not null && settings.RoleWeights.TryGetValue(v.PanelRole, out var rw) ? rw : 1;
                    sum += w * v.Value;
                    weights += w;
                }
                return weights <= 0 ? null : Math.Round(sum / weights, 2);
            default:
                return Math.Round(values.Average(v => v.Value), 2);
        }
    }
}

/// <summary>Competition ranking ("1224"): equal totals (to 0.01) share a rank and the next rank skips. Units without a total are not ranked.</summary>
public static class Ranking
{
    public static Dictionary<T, int> Rank<T>(IEnumerable<(T Key, double? Total)> totals) where T : notnull
    {
        var ranks = new Dictionary<T, int>();
        var ordered = totals.Where(t => t.Total is not null).OrderByDescending(t => t.Total).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var same = i > 0 && Math.Abs(ordered[i].Total!.Value - ordered[i - 1].Total!.Value) < 0.005;
            ranks[ordered[i].Key] = same ? ranks[ordered[i - 1].Key] : i + 1;
        }
        return ranks;
    }

    /// <summary>Change against the previous round: points and places (positive = moved up). Null without a previous result.</summary>
    public static (double Points, int Places)? Change(double? total, int? rank, double? previousTotal, int? previousRank) =>
        total is null || previousTotal is null || rank is null || previousRank is null
            ? null
            : (Math.Round(total.Value - previousTotal.Value, 2), previousRank.Value - rank.Value);
}

/// <summary>A reviewer's mean absolute deviation from the panel mean on the units both scored.</summary>
public record ReviewerConsistency(Guid ReviewerId, int Units, double MeanDeviation, bool Flagged);

public static class Consistency
{
    /// <summary>Flags a reviewer whose mean deviation exceeds <paramref name="threshold"/> points. Units with a single sheet say nothing and are skipped.</summary>
    public static List<ReviewerConsistency> Measure(IEnumerable<(Guid UnitId, Guid ReviewerId, double Total)> sheets, double threshold)
    {
        var byUnit = sheets.GroupBy(s => s.UnitId).Where(g => g.Count() >= 2).ToList();
        var deviations = new Dictionary<Guid, List<double>>();
        foreach (var unit in byUnit)
        {
            var mean = unit.Average(s => s.Total);
            foreach (var s in unit)
                (deviations.TryGetValue(s.ReviewerId, out var l) ? l : deviations[s.ReviewerId] = []).Add(Math.Abs(s.Total - mean));
        }
        return deviations
            .Select(d => new ReviewerConsistency(d.Key, d.Value.Count, Math.Round(d.Value.Average(), 2), d.Value.Average() > threshold))
            .OrderByDescending(c => c.MeanDeviation).ToList();
    }
}
