namespace Lianxin.Web.Modules.CoBuilding.Domain;

/// <summary>How near a resource's unit is stationed to a need's community: nearer ranks first among suggestions.</summary>
public enum Nearness { SameUnit, StreetAbove, SameStreet }

/// <summary>A resource as matching sees it.</summary>
public sealed record Candidate(Guid Id, SupplyKind Kind, string OrgPath, int Remaining, DateOnly AvailableFrom, DateOnly AvailableTo);

public sealed record Suggestion(Candidate Resource, Nearness Nearness, bool CoversAll);

/// <summary>The rules of the three lists: matching suggestions and the annual fulfilment score.</summary>
public static class LoopRules
{
    public static string Chinese(this SupplyKind k) => k switch
    {
        SupplyKind.Venue => "场地",
        SupplyKind.Funds => "资金",
        SupplyKind.Skills => "技能",
        SupplyKind.Volunteers => "志愿者",
        SupplyKind.Equipment => "设备",
        _ => "其他",
    };

    public static string Chinese(this NeedStatus s) => s == NeedStatus.Open ? "待对接" : "已满足";
    public static string Chinese(this ProjectStatus s) => s == ProjectStatus.Running ? "实施中" : "已完成";
    public static string Chinese(this AgreementStatus s) => s == AgreementStatus.InForce ? "履约中" : "已关闭";
    public static string Chinese(this AgreementKind k) => k == AgreementKind.Project ? "项目协议" : "年度共建协议";

    public static string Chinese(this Nearness n) => n switch
    {
        Nearness.SameUnit => "驻本社区",
        Nearness.StreetAbove => "驻本街道",
        _ => "同街道其他社区",
    };

    /// <summary>The street a path lies in: its first two segments (/district/street/), the street itself for a street.</summary>
    public static string StreetOf(string path)
    {
        var second = path.IndexOf('/', path.IndexOf('/', 1) + 1);
        return second < 0 ? path : path[..(second + 1)];
    }

    /// <summary>
    /// Resources worth offering for a need: the same kind, with some quantity left, available before the deadline and not over
    /// by today, from a unit stationed in the same street. Nearest first (the need's own community, then the street itself, then
    /// the street's other communities), then those that cover the whole remaining need, then the earliest available.
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggest(SupplyKind kind, string needPath, int needRemaining, DateOnly deadline, DateOnly today,
        IEnumerable<Candidate> resources)
    {
        var street = StreetOf(needPath);
        return resources
            .Where(r => r.Kind == kind && r.Remaining > 0 && r.AvailableFrom <= deadline && r.AvailableTo >= today && r.OrgPath.StartsWith(street, StringComparison.Ordinal))
            .Select(r => new Suggestion(r, Near(needPath, street, r.OrgPath), r.Remaining >= needRemaining))
            .OrderBy(s => s.Nearness).ThenByDescending(s => s.CoversAll).ThenBy(s => s.Resource.AvailableFrom).ThenBy(s => s.Resource.Id)
            .ToList();
    }

    static Nearness Near(string needPath, string street, string resourcePath) =>
        resourcePath == street && needPath != street ? Nearness.StreetAbove
        : needPath.StartsWith(resourcePath, StringComparison.Ordinal) || resourcePath.StartsWith(needPath, StringComparison.Ordinal) ? Nearness.SameUnit
        : Nearness.SameStreet;

    /// <summary>Why a quantity cannot be promised, or null: at least one, no more than the resource has left nor the need still lacks.</summary>
    public static string? CheckPromise(int quantity, int resourceRemaining, int needRemaining) =>
        quantity < 1 ? "对接数量至少为 1。"
        : quantity > resourceRemaining ? $"该资源只剩 {resourceRemaining}，不能承诺 {quantity}。"
        : quantity > needRemaining ? $"该需求尚缺 {needRemaining}，对接数量不能超过它。"
        : null;

    /// <summary>
    /// A unit's fulfilment score for a year (0–100): 80 for the share of its obligations due that year it fulfilled, 20 for the
    /// community's average rating of them (out of 5); unrated, the whole score is the fulfilment rate. No obligations: no score.
    /// </summary>
    public static decimal? Score(int due, int fulfilled, decimal? averageRating)
    {
        if (due <= 0) return null;
        var rate = (decimal)Math.Min(fulfilled, due) / due;
        var score = averageRating is { } r ? rate * 80 + r / 5 * 20 : rate * 100;
        return Math.Round(score, 1, MidpointRounding.AwayFromZero);
    }
}
