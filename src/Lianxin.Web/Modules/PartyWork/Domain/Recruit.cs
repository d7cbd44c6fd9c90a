using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PartyWork.Domain;

/// <summary>Where a person stands in the recruiting procedure; figures count people per stage.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecruitStage>))]
public enum RecruitStage { Applicant, Activist, Candidate, Probationary, Full }

[JsonConverter(typeof(JsonStringEnumConverter<RecruitState>))]
public enum RecruitState { Active, Confirmed, Cancelled }

/// <summary>
/// One step of the published procedure (发展党员工作细则), kept per district as data so the street can adjust it. A step may be
/// taken only after <see cref="AfterCode"/> (the previous step when null) plus <see cref="MinMonths"/>; it falls due
/// <see cref="DueMonths"/> after it (or when the minimum is reached). <see cref="RuleName"/> is what a refusal cites.
/// </summary>
public class RecruitStep : Entity
{
    public string Code { get; set; } = "";
    public int Seq { get; set; }
    public string Name { get; set; } = "";
    public RecruitStage Stage { get; set; }
    public string? AfterCode { get; set; }
    public int MinMonths { get; set; }
    public int? DueMonths { get; set; }
    public string? RuleName { get; set; }
}

/// <summary>
/// A person in a branch's pipeline, from the application to 转正. The ID number is stored encrypted and found by its keyed hash,
/// as on the roster; it leaves the module only inside <c>ProbationaryMemberAdmitted</c>, still encrypted.
/// </summary>
public class Recruit : Entity, IOrgScoped, IVersioned
{
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Female { get; set; }
    public DateOnly BirthDate { get; set; }
    public string IdNumberCipher { get; set; } = "";
    public string IdNumberHash { get; set; } = "";
    /// <summary>The mobile, AES-GCM encrypted like the ID number (ADR 0030); it reaches the roster sealed, inside <c>ProbationaryMemberAdmitted</c>.</summary>
    public string? PhoneCipher { get; set; }
    /// <summary>Where the application came from (居民党小组, 退役军人, 新就业群体…), for the figures 004 asks for.</summary>
    public string? Source { get; set; }
    /// <summary>培养联系人: the two members who guide an activist.</summary>
    public string? Contacts { get; set; }
    public string StepCode { get; set; } = "";
    public DateOnly StepOn { get; set; }
    public RecruitStage Stage { get; set; }
    public RecruitState State { get; set; }
    /// <summary>The next step and the day it falls due (board, reminders); null when nothing is due by rule.</summary>
    public string? NextCode { get; set; }
    public DateOnly? NextDueOn { get; set; }
    /// <summary>The next step the branch was last reminded of, so each falls due once.</summary>
    public string? RemindedCode { get; set; }
    public int ExtendedMonths { get; set; }
    /// <summary>The resident's account when they applied themselves (申请入党 page): they follow their application's state.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The resident's demand (群众诉求) the application was started from, when staff started it from one.</summary>
    public Guid? DemandId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A step taken: its date and note; its documents are files owned by the entry (kind "entry").</summary>
public class RecruitEntry : Entity, IOrgScoped
{
    public Guid RecruitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string StepCode { get; set; } = "";
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
