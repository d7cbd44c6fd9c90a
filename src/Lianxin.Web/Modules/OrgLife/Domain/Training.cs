using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>The forms of training (003) and the monthly drill (月练兵), which is a test whose scores are ranked by month.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingKind>))]
public enum TrainingKind { Lecture, CaseExchange, SiteVisit, Contest, Special, Drill }

/// <summary>
/// Who is expected: everyone on the roster of the audience unit's subtree (万名党员进党校), or only those the organiser
/// enrols (the monthly training of the communities' 三委 members: the organiser names them).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingAudience>))]
public enum TrainingAudience { Roster, Invited }

/// <summary>
/// One training session, organised by a unit (<see cref="OrgPath"/> is the organiser's) for an audience in its subtree.
/// Times are UTC; <see cref="HeldOn"/> is the Beijing date coverage and rankings count by. <see cref="Sequence"/> is the
/// iCalendar revision for the member feeds.
/// </summary>
public class TrainingSession : Entity, IOrgScoped, IVersioned
{
    public Guid OrganiserId { get; set; }
    public string OrgPath { get; set; } = "";
    public TrainingKind Kind { get; set; }
    public string Title { get; set; } = "";
    public Guid AudienceUnitId { get; set; }
    public string AudiencePath { get; set; } = "";
    public TrainingAudience Audience { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Place { get; set; } = "";
    public string? Teacher { get; set; }
    public string? Summary { get; set; }
    public bool Cancelled { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Sequence { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A member's part in a session: enrolled, signed in (by scanning the code, or by the organiser), their test score and
/// their 心得. <see cref="OrgPath"/> is the member's branch when enrolled, so coverage and rankings count per unit and a
/// community sees its own members' records.
/// </summary>
public class TrainingRecord : Entity, IOrgScoped, IVersioned
{
    public Guid SessionId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public TrainingKind Kind { get; set; }
    public DateTime EnrolledAt { get; set; }
    public DateTime? SignedInAt { get; set; }
    /// <summary>"扫码" when the member scanned the code, else the organiser's user name.</summary>
    public string? SignedInBy { get; set; }
    public int? Score { get; set; }
    public string? Reflection { get; set; }
    public int Version { get; set; }
}

/// <summary>A member's private calendar feed (meetings of their branch and their trainings): the token is the only key.</summary>
public class MemberFeed : Entity, IOrgScoped
{
    public Guid MemberId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class TrainingNames
{
    public const string Scanned = "扫码";
    public const int MaxReflection = 500;

    public static string Chinese(this TrainingKind k) => k switch
    {
        TrainingKind.Lecture => "集中授课",
        TrainingKind.CaseExchange => "案例交流",
        TrainingKind.SiteVisit => "现场参观",
        TrainingKind.Contest => "测试比拼",
        TrainingKind.Special => "专题培训",
        TrainingKind.Drill => "月练兵",
        _ => k.ToString(),
    };

    public static string Chinese(this TrainingAudience a) => a == TrainingAudience.Roster ? "全体在册党员" : "指定人员（由组织方报名）";
}

/// <summary>A ranked line: equal scores share a rank and the next rank skips (1, 1, 3), the usual 竞赛排名.</summary>
public record Ranked<T>(int Rank, T Item);

public static class TrainingRanking
{
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> items, Func<T, decimal> score, Func<T, string> name)
    {
        var ordered = items.OrderByDescending(score).ThenBy(name, StringComparer.Ordinal).ToList();
        var result = new List<Ranked<T>>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && score(ordered[i]) == score(ordered[i - 1]) ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked<T>(rank, ordered[i]));
        }
        return result;
    }
}
