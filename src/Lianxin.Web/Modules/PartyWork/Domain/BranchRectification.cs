using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PartyWork.Domain;

/// <summary>What the system can check by itself for a criterion; <see cref="None"/> is the street's own judgement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RectifyCheck>))]
public enum RectifyCheck { None, VacantSecretary, LowReviewScore, OrgLifeArrears, RepeatedFindings }

[JsonConverter(typeof(JsonStringEnumConverter<RectifyState>))]
public enum RectifyState { Open, Exited }

/// <summary>
/// A reason to mark a unit as weak (软弱涣散), kept per district as data: a name, what can be checked automatically and its
/// threshold (a score below it, meetings owed at or above it, rounds with findings at or above it).
/// </summary>
public class RectifyCriterion : Entity
{
    public string Code { get; set; } = "";
    public int Seq { get; set; }
    public string Name { get; set; } = "";
    public RectifyCheck Check { get; set; }
    public double? Threshold { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>
/// A unit under rectification (整顿提升): why, who helps (帮扶领导), since when; it exits when the street confirms, and the row stays
/// as the record (with the reason when tasks were still open).
/// </summary>
public class BranchRectification : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    /// <summary>Criterion codes, comma-separated, in the order of the criteria.</summary>
    public string ReasonCodes { get; set; } = "";
    public string? ReasonNote { get; set; }
    public string Helper { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public RectifyState State { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public string? ExitNote { get; set; }
    public string? ExitBy { get; set; }
    /// <summary>Tasks still open when the street confirmed the exit (0 when all were done).</summary>
    public int OpenTasksAtExit { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>A task of the plan with its deadline; done when progress marked it so.</summary>
public class RectificationTask : Entity, IOrgScoped
{
    public Guid RectificationId { get; set; }
    public string OrgPath { get; set; } = "";
    public int Seq { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>Progress on a plan (a task or the whole), with its evidence as photos (files of kind "progress").</summary>
public class RectificationProgress : Entity, IOrgScoped
{
    public Guid RectificationId { get; set; }
    public Guid? TaskId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly On { get; set; }
    public string Note { get; set; } = "";
    public bool CompletesTask { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public static class RectifyRules
{
    /// <summary>Seeded the first time a district uses rectification; the thresholds are the street's to change.</summary>
    public static readonly (string Code, string Name, RectifyCheck Check, double? Threshold)[] Defaults =
    [
        ("vacant_secretary", "书记空缺", RectifyCheck.VacantSecretary, null),
        ("low_score", "考评得分偏低", RectifyCheck.LowReviewScore, 70),
        ("orglife_arrears", "组织生活欠账", RectifyCheck.OrgLifeArrears, 3),
        ("repeated_findings", "考评中反复发现问题", RectifyCheck.RepeatedFindings, 2),
        ("weak_team", "班子软弱涣散、凝聚力不强", RectifyCheck.None, null),
        ("complaints", "群众反映问题较多", RectifyCheck.None, null),
    ];

    public static string Chinese(this RectifyState s) => s == RectifyState.Open ? "整顿中" : "已销号";
}
