using System.Text.Json.Serialization;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PartyWork.Domain;

/// <summary>
/// The committees a unit elects: a branch its 党支部委员会; a community its party committee and, where the street records them,
/// the residents' committee and the supervision committee (社区"两委"/"三委").
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommitteeKind>))]
public enum CommitteeKind { BranchCommittee, CommunityParty, ResidentsCommittee, SupervisionCommittee }

/// <summary>How near a committee's term is to its end, as the street's list highlights it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TermStatus>))]
public enum TermStatus { Running, WithinSixMonths, WithinThreeMonths, Expired }

/// <summary>How long a kind of committee serves, as data the district can change (the rules have changed before: 3 → 5 years).</summary>
public class TermRule : Entity
{
    public CommitteeKind Kind { get; set; }
    public int Years { get; set; }
    public string Basis { get; set; } = "";
}

/// <summary>
/// One term of a unit's committee. An election ends the current one (<see cref="Current"/> false, <see cref="EndedOn"/> the
/// election's day) and starts the next, so the history is every row of the unit and kind.
/// </summary>
public class Committee : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public CommitteeKind Kind { get; set; }
    public DateOnly TermStart { get; set; }
    /// <summary>The term length in force when it was elected; a later change of the rule does not shorten a running term.</summary>
    public int TermYears { get; set; }
    public DateOnly TermEndsOn { get; set; }
    public bool Current { get; set; }
    public DateOnly? EndedOn { get; set; }
    public Guid? ElectionId { get; set; }
    /// <summary>The last expiry notice sent (6, then 3 months ahead), so each goes out once.</summary>
    public int RemindedMonths { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A post on a committee and who holds it; a member who leaves mid-term keeps the row with <see cref="LeftOn"/>.</summary>
public class CommitteeSeat : Entity, IOrgScoped
{
    public Guid CommitteeId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Post { get; set; } = "";
    /// <summary>The roster member holding the post; null for a residents' committee member who is not a party member.</summary>
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
    public int? Votes { get; set; }
    public int Seq { get; set; }
    public DateOnly FromOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeftReason { get; set; }
}

/// <summary>An election (换届选举 or 补选 at a meeting): when, which meeting, how many could vote and came; its result is the committee.</summary>
public class Election : Entity, IOrgScoped
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public CommitteeKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Meeting { get; set; } = "";
    public int Eligible { get; set; }
    public int Present { get; set; }
    public string? Note { get; set; }
    public Guid CommitteeId { get; set; }
    public Guid? ReplacedCommitteeId { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<ReserveTrack>))]
public enum ReserveTrack { SecretaryAssistant, DirectorAssistant, LeadingGoose, Reserve }

/// <summary>后备干部 of a community: 书记助理、主任助理 posts and the 领头雁 programme.</summary>
public class ReserveCadre : Entity, IOrgScoped
{
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? MemberId { get; set; }
    public bool Female { get; set; }
    public int? BirthYear { get; set; }
    public string? Education { get; set; }
    public ReserveTrack Track { get; set; }
    public DateOnly Since { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

public static class CommitteeRules
{
    public const string Secretary = "secretary", Director = "director";

    public static readonly IReadOnlyDictionary<string, string> PostNames = new Dictionary<string, string>
    {
        [Secretary] = "书记", ["deputy"] = "副书记", ["organization"] = "组织委员", ["propaganda"] = "宣传委员", ["discipline"] = "纪检委员",
        ["youth"] = "青年委员", ["women"] = "妇女委员", [Director] = "主任", ["deputy_director"] = "副主任", ["member"] = "委员",
    };

    public static bool IsParty(this CommitteeKind k) => k is CommitteeKind.BranchCommittee or CommitteeKind.CommunityParty;

    /// <summary>The posts a kind of committee has, in the order a committee is listed.</summary>
    public static IReadOnlyList<string> PostsOf(CommitteeKind k) => k.IsParty()
        ? [Secretary, "deputy", "organization", "propaganda", "discipline", "youth", "women", "member"]
        : [Director, "deputy_director", "member"];

    /// <summary>Which committees a unit of this kind elects (a branch one, a community up to three).</summary>
    public static IReadOnlyList<CommitteeKind> KindsOf(OrgKind unit) => unit switch
    {
        OrgKind.Branch => [CommitteeKind.BranchCommittee],
        OrgKind.Community => [CommitteeKind.CommunityParty, CommitteeKind.ResidentsCommittee, CommitteeKind.SupervisionCommittee],
        _ => [],
    };

    public static string Chinese(this CommitteeKind k) => k switch
    {
        CommitteeKind.BranchCommittee => "党支部委员会",
        CommitteeKind.CommunityParty => "社区党组织委员会",
        CommitteeKind.ResidentsCommittee => "居民委员会",
        CommitteeKind.SupervisionCommittee => "居务监督委员会",
        _ => k.ToString(),
    };

    public static string Chinese(this TermStatus s) => s switch
    {
        TermStatus.Expired => "任期已满",
        TermStatus.WithinThreeMonths => "3 个月内届满",
        TermStatus.WithinSixMonths => "6 个月内届满",
        _ => "任期内",
    };

    public static string Chinese(this ReserveTrack t) => t switch
    {
        ReserveTrack.SecretaryAssistant => "书记助理",
        ReserveTrack.DirectorAssistant => "主任助理",
        ReserveTrack.LeadingGoose => "领头雁",
        _ => "后备干部",
    };

    /// <summary>Seeded the first time a district's committees are used; the street changes the years as the rules change.</summary>
    public static readonly (CommitteeKind Kind, int Years, string Basis)[] DefaultTerms =
    [
        (CommitteeKind.BranchCommittee, 5, "党支部委员会每届任期 5 年（2019 年起换届的支部按 5 年）"),
        (CommitteeKind.CommunityParty, 5, "社区党组织委员会每届任期 5 年，与居委会同步换届"),
        (CommitteeKind.ResidentsCommittee, 5, "《城市居民委员会组织法》：居民委员会每届任期 5 年"),
        (CommitteeKind.SupervisionCommittee, 5, "居务监督委员会与居民委员会同步产生，每届任期 5 年"),
    ];

    /// <summary>The term's end as the street's list shows it on <paramref name="today"/>: 6 and 3 months ahead, or past.</summary>
    public static TermStatus Status(DateOnly termEndsOn, DateOnly today) =>
        termEndsOn <= today ? TermStatus.Expired
        : termEndsOn <= today.AddMonths(3) ? TermStatus.WithinThreeMonths
        : termEndsOn <= today.AddMonths(6) ? TermStatus.WithinSixMonths
        : TermStatus.Running;
}
