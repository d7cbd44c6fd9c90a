using System.Text.Json.Serialization;
namespace Lianxin.Web.Modules.Reviews.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<StarChange>))]
public enum StarChange { None, Awarded, Raised, Lowered, Removed }

/// <summary>Star levels from results: a result sets the level it reaches, so a later review below the current
/// threshold lowers or removes the level automatically (动态退出, 摘牌降星).</summary>
public static class StarRules
{
    /// <summary>The highest level whose threshold the score reaches; 0 when none.</summary>
    public static int LevelFor(IEnumerable<StarThreshold> thresholds, double score) =>
        thresholds.Where(t => score >= t.MinScore).Select(t => t.Level).DefaultIfEmpty(0).Max();

    public static (int Level, StarChange Change) Evaluate(IEnumerable<StarThreshold> thresholds, int current, double score)
    {
        var level = LevelFor(thresholds, score);
        return (level, ChangeOf(current, level));
    }

    public static StarChange ChangeOf(int current, int level) => (current, level) switch
        {
            var (c, l) when c == l => StarChange.None,
            (0, _) => StarChange.Awarded,
            (_, 0) => StarChange.Removed,
            var (c, l) when l > c => StarChange.Raised,
            _ => StarChange.Lowered,
        };

    /// <summary>The programme a rubric's stars belong to, as people call it.</summary>
    public static string Programme(RubricPurpose p) => p switch
    {
        RubricPurpose.FiveStar => "五星支部", RubricPurpose.StarBuilding => "星级楼组", RubricPurpose.Quarterly => "季度观摩",
        RubricPurpose.Annual => "年度考评", RubricPurpose.ModelSite => "示范点", _ => p.ToString(),
    };
}

/// <summary>What a round reviews and a star rates: org units, or buildings of compounds (星级楼组).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewTarget>))]
public enum ReviewTarget { Units, Buildings }

[JsonConverter(typeof(JsonStringEnumConverter<RoundState>))]
public enum RoundState { Draft, Open, Closed, Published }

[JsonConverter(typeof(JsonStringEnumConverter<RectificationState>))]
public enum RectificationState { Open, InProgress, Submitted, Verified, Rejected }

/// <summary>Which moves a round and a rectification may make.</summary>
public static class ReviewFlow
{
    public static string? CheckRound(RoundState from, RoundState to) => (from, to) switch
    {
        (RoundState.Draft, RoundState.Open) or (RoundState.Open, RoundState.Closed)
            or (RoundState.Closed, RoundState.Published) or (RoundState.Closed, RoundState.Open) => null,
        _ => $"观摩轮次当前为“{Chinese(from)}”，不能改为“{Chinese(to)}”。",
    };

    public static string? CheckRectification(RectificationState from, RectificationState to) => (from, to) switch
    {
        (RectificationState.Open or RectificationState.Rejected, RectificationState.InProgress) => null,
        (RectificationState.Open or RectificationState.InProgress or RectificationState.Rejected, RectificationState.Submitted) => null,
        (RectificationState.Submitted, RectificationState.Verified or RectificationState.Rejected) => null,
        _ => $"整改当前为“{Chinese(from)}”，不能改为“{Chinese(to)}”。",
    };

    /// <summary>Overdue: past its deadline and not yet handed in or verified.</summary>
    public static bool IsOverdue(RectificationState state, DateTime deadline, DateTime now) =>
        state is RectificationState.Open or RectificationState.InProgress or RectificationState.Rejected && now > deadline;

    /// <summary>Still to be checked on site at the next visit.</summary>
    public static bool IsUnresolved(RectificationState state) => state != RectificationState.Verified;

    public static string Chinese(RoundState s) => s switch
    {
        RoundState.Draft => "草稿",
        RoundState.Open => "评分中",
        RoundState.Closed => "已截止",
        _ => "已发布",
    };

    public static string Chinese(RectificationState s) => s switch
    {
        RectificationState.Open => "待整改",
        RectificationState.InProgress => "整改中",
        RectificationState.Submitted => "已提交待验收",
        RectificationState.Verified => "已验收",
        _ => "验收未通过",
    };
}
