using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Deliberation.Domain;

/// <summary>
/// An owners' committee (业委会) of a compound for one term. A new term is a new record, so the history of terms stays.
/// <see cref="LedByBranch"/>: a party branch leads it (党组织领导, e.g. the compound branch secretary sits as director).
/// </summary>
public class OwnersCommittee : Entity, IOrgScoped, IVersioned
{
    public Guid CompoundId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly TermFrom { get; set; }
    public DateOnly TermTo { get; set; }
    public bool LedByBranch { get; set; }
    public string? LeadingBranch { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

public class OwnersCommitteeMember : Entity, IOrgScoped
{
    public Guid CommitteeId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public string Post { get; set; } = "";
    public bool IsPartyMember { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A street's definition of a 红色业委会: the least share of party members on the committee, and whether a party branch must
/// lead it. A street without its own rule uses <see cref="RedCommitteeRule.Default"/>.
/// </summary>
public class RedCommitteeRule : Entity, IOrgScoped
{
    public Guid StreetId { get; set; }
    public string OrgPath { get; set; } = "";
    public int MinPartyPercent { get; set; }
    public bool RequireBranchLead { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PropertyKind>))]
public enum PropertyKind { Company, Residents, RedQuasi, None }

/// <summary>
/// How a compound is kept (物业): a property company (物业企业), residents' own service (百姓物业), the 红色准物业 "1+1+N" of old
/// compounds without management (one branch leading, one service body, N parties), or nothing yet. One per compound.
/// </summary>
public class PropertyArrangement : Entity, IOrgScoped, IVersioned
{
    public Guid CompoundId { get; set; }
    public string OrgPath { get; set; } = "";
    public PropertyKind Kind { get; set; }
    /// <summary>The company, or the residents' service team, that does the work.</summary>
    public string? Provider { get; set; }
    /// <summary>1+1+N: the leading party organisation (the first 1).</summary>
    public string? LeadBranch { get; set; }
    /// <summary>1+1+N: the service body (the second 1), e.g. the community's service station or a social organisation.</summary>
    public string? ServiceBody { get; set; }
    /// <summary>1+1+N: the N parties (在职党员、志愿者、共建单位…), one per line.</summary>
    public string? Parties { get; set; }
    public DateOnly Since { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A compound's convention (居民公约 / 村规民约): the current text is its latest version.</summary>
public class Convention : Entity, IOrgScoped
{
    public Guid CompoundId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public int CurrentNumber { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One version of a convention: every edit adds one, none is overwritten.</summary>
public class ConventionVersion : Entity, IOrgScoped
{
    public Guid ConventionId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Number { get; set; }
    public string Body { get; set; } = "";
    /// <summary>When and how residents adopted this text (e.g. 业主大会表决通过).</summary>
    public DateOnly AdoptedOn { get; set; }
    public string AdoptedBy { get; set; } = "";
    public string? ChangeNote { get; set; }
    public string EditedBy { get; set; } = "";
    public DateTime EditedAt { get; set; }
}

public static class SelfGovernanceRules
{
    public static RedCommitteeRule Default => new() { MinPartyPercent = 50, RequireBranchLead = true };

    /// <summary>A committee is red when its share of party members reaches the street's minimum and, if the street requires it, a branch leads it.</summary>
    public static bool IsRed(int members, int partyMembers, bool ledByBranch, int minPartyPercent, bool requireBranchLead) =>
        members > 0 && partyMembers * 100 >= minPartyPercent * members && (!requireBranchLead || ledByBranch);

    public static string Chinese(this PropertyKind k) => k switch
    {
        PropertyKind.Company => "物业企业", PropertyKind.Residents => "百姓物业", PropertyKind.RedQuasi => "红色准物业（1+1+N）", PropertyKind.None => "暂无物业",
        _ => k.ToString(),
    };
}
