using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Reviews.Domain;

static class ReviewJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>One version of a 细则. <see cref="FamilyId"/> ties the versions together; a version a round has used is frozen.</summary>
public class Rubric : Entity, IOrgScoped
{
    public Guid FamilyId { get; set; }
    public int VersionNo { get; set; } = 1;
    public string Name { get; set; } = "";
    public RubricPurpose Purpose { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid OwnerUnitId { get; set; }
    public bool Frozen { get; set; }
    public string DefinitionJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }

    public RubricDefinition Definition
    {
        get => JsonSerializer.Deserialize<RubricDefinition>(DefinitionJson, ReviewJson.Options)!;
        set => DefinitionJson = JsonSerializer.Serialize(value, ReviewJson.Options);
    }
}

/// <summary>A 观摩考评 round run by a street (or the district).</summary>
public class ReviewRound : Entity, IOrgScoped, IVersioned
{
    public string Name { get; set; } = "";
    public Guid RubricId { get; set; }
    public Guid OwnerUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public RoundState State { get; set; }
    public AggregationRule Aggregation { get; set; }
    public int TrimMinReviewers { get; set; } = 5;
    /// <summary>Panel role → weight, for <see cref="AggregationRule.WeightedByRole"/>.</summary>
    public string RoleWeightsJson { get; set; } = "{}";
    public Guid? PreviousRoundId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>The days of the visits (Asia/Shanghai dates); every visit time on the itinerary falls inside them.</summary>
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>What the round reviews: org units, or buildings (楼栋/楼组) for 星级楼组.</summary>
    public ReviewTarget Target { get; set; }
    public int Version { get; set; }

    public AggregationSettings Settings => new(Aggregation, TrimMinReviewers,
        JsonSerializer.Deserialize<Dictionary<string, double>>(RoleWeightsJson, ReviewJson.Options));
}

/// <summary>A unit reviewed in a round, with its visit slot and, once published, its result.
/// OrgPath is the unit's, so the unit sees its own row. In a building round <see cref="UnitId"/> is the building's id (sheets,
/// findings and remarks key on it the same way) and OrgPath that of the unit its compound belongs to.</summary>
public class RoundUnit : Entity, IOrgScoped
{
    public Guid RoundId { get; set; }
    public Guid UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    public int VisitOrder { get; set; }
    public DateTime? VisitAt { get; set; }
    public double? Total { get; set; }
    public int? Rank { get; set; }
    public double? PreviousTotal { get; set; }
    public int? PreviousRank { get; set; }
    public string SectionsJson { get; set; } = "{}";
    public bool Published { get; set; }
}

/// <summary>A reviewer on a round's panel; OrgPath is the round's.</summary>
public class Panelist : Entity, IOrgScoped
{
    public Guid RoundId { get; set; }
    public Guid UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public string PanelRole { get; set; } = "评委";
    public string OrgPath { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<SheetState>))]
public enum SheetState { Draft, Submitted }

/// <summary>One reviewer's scores for one unit. OrgPath is the reviewed unit's.</summary>
public class ScoreSheet : Entity, IOrgScoped, IVersioned
{
    public Guid RoundId { get; set; }
    public Guid UnitId { get; set; }
    public Guid ReviewerId { get; set; }
    public string OrgPath { get; set; } = "";
    public SheetState State { get; set; }
    public string EntriesJson { get; set; } = "{}";
    public string? Comment { get; set; }
    public double Total { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Why the coordinator last reopened a submitted sheet.</summary>
    public string? ReopenReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Cache of the weighted points per section (section code → points) computed with <see cref="Total"/> from the
    /// entries, so results read a few numbers per sheet instead of parsing and scoring every item. Null = not computed for the
    /// current entries (setting <see cref="Entries"/> clears it); readers then score the entries themselves.</summary>
    public string? SectionTotalsJson { get; set; }

    public Dictionary<string, ItemEntry> Entries
    {
        get => JsonSerializer.Deserialize<Dictionary<string, ItemEntry>>(EntriesJson, ReviewJson.Options)!;
        set { EntriesJson = JsonSerializer.Serialize(value, ReviewJson.Options); SectionTotalsJson = null; }
    }

    /// <summary>Scores the entries against the round's rubric and keeps the total and the section points with the sheet.</summary>
    public SheetResult Rescore(RubricDefinition rubric)
    {
        var result = ScoreRules.Score(rubric, Entries);
        Total = result.Total;
        SectionTotalsJson = JsonSerializer.Serialize(result.Sections);
        return result;
    }
}

/// <summary>A correction to a published score, with its reason; the sheet keeps the new value, this keeps the story.</summary>
public class Amendment : Entity, IOrgScoped
{
    public Guid RoundId { get; set; }
    public Guid SheetId { get; set; }
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public double Before { get; set; }
    public double After { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A problem a reviewer found at a unit; it becomes a <see cref="Rectification"/>.</summary>
public class Finding : Entity, IOrgScoped
{
    public Guid RoundId { get; set; }
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string? ItemCode { get; set; }
    public string Description { get; set; } = "";
    public Guid ReportedBy { get; set; }
    public DateTime At { get; set; }
}

public class Rectification : Entity, IOrgScoped, IVersioned
{
    public Guid FindingId { get; set; }
    public Guid RoundId { get; set; }
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime Deadline { get; set; }
    public RectificationState State { get; set; }
    public string? Evidence { get; set; }
    public string? ReviewNote { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One change of a unit's star level in one programme (五星支部, 星级楼组, quarterly 观摩 …: the purpose of the rubric that
/// rated it); the latest row of a unit and programme is its current level there, so one programme never overwrites another.
/// </summary>
public class StarAward : Entity, IOrgScoped
{
    /// <summary>The unit rated, or the building when <see cref="Target"/> is <see cref="ReviewTarget.Buildings"/>.</summary>
    public Guid UnitId { get; set; }
    /// <summary>A building's stars (星级楼组) live beside the units' and never share a ladder with them.</summary>
    public ReviewTarget Target { get; set; }
    /// <summary>Stars were one ladder before programmes; those rows count as 五星支部.</summary>
    public RubricPurpose Programme { get; set; } = RubricPurpose.FiveStar;
    /// <summary>The higher body that awarded the stars (区委组织部…), when not earned from a round's score.</summary>
    public string? AwardingBody { get; set; }
    public string OrgPath { get; set; } = "";
    public int Level { get; set; }
    public int PreviousLevel { get; set; }
    public StarChange Change { get; set; }
    public Guid? RoundId { get; set; }
    public double? Score { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// What was said at a unit's visit in a round and the street's word on it: the unit's 汇报, 下步工作计划 and 表态, and the
/// coordinator's official 点评 (the street committee's, unit by unit — reviewers' own notes stay on their sheets as 评委备注).
/// OrgPath is the unit's, so the unit sees its own row. One per round and unit.
/// </summary>
public class UnitRemark : Entity, IOrgScoped, IVersioned
{
    public Guid RoundId { get; set; }
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string? Report { get; set; }
    public string? NextSteps { get; set; }
    public string? Commitment { get; set; }
    public string? Comment { get; set; }
    public string By { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A branch the street (or a community) names as a 五星支部 重点培养对象 for a year, with why and who answers for it. Removal
/// keeps the row (with its reason), so the year's list has its history. OrgPath is the branch's.
/// </summary>
public class CultivationTarget : Entity, IOrgScoped
{
    public int Year { get; set; }
    public Guid UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    /// <summary>The street or community that named it.</summary>
    public Guid ListedByUnitId { get; set; }
    public string ListedByName { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>The person who answers for the branch's cultivation (包联领导).</summary>
    public string Responsible { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTime AddedAt { get; set; }
    public string? RemovalReason { get; set; }
    public string? RemovedBy { get; set; }
    public DateTime? RemovedAt { get; set; }
}
