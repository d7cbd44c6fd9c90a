using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Modules.Demands.Domain;

/// <summary>
/// A category of demands, configured per street: the level that first handles it and its time limits.
/// Service categories (代办·帮办·陪办·预约办) ask for an appointment slot.
/// </summary>
public class DemandCategory : Entity, IOrgScoped
{
    public Guid StreetId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public DemandLevel DefaultLevel { get; set; }
    public double ResponseHours { get; set; }
    public int ResolveDays { get; set; }
    public ServiceMode ServiceMode { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;

    public TimeLimit LimitAt(DemandLevel level, int extraDaysPerLevel) => TimeLimit.For(ResponseHours, ResolveDays, DefaultLevel, level, extraDaysPerLevel);
}

/// <summary>
/// A street's own rules for its demands. No source fixes them, so each street sets them; a street that never did
/// has the defaults (a row is written on its first change).
/// </summary>
public class DemandStreetSettings : Entity, IOrgScoped, IVersioned
{
    public const int DefaultExtraResolveDaysPerLevel = 2, DefaultSatisfiedWeight = 100, DefaultBasicallySatisfiedWeight = 80, DefaultMaxReopens = 1;

    public Guid StreetId { get; set; }
    public string OrgPath { get; set; } = "";
    /// <summary>Working days added to a category's resolution limit for each level above its default one.</summary>
    public int ExtraResolveDaysPerLevel { get; set; } = DefaultExtraResolveDaysPerLevel;
    /// <summary>Points of 满意 and 基本满意 in the satisfaction score (不满意 counts 0).</summary>
    public int SatisfiedWeight { get; set; } = DefaultSatisfiedWeight;
    public int BasicallySatisfiedWeight { get; set; } = DefaultBasicallySatisfiedWeight;
    /// <summary>How many times an unsatisfied rating reopens a demand; after that the rating stands.</summary>
    public int MaxReopens { get; set; } = DefaultMaxReopens;
    public int Version { get; set; }
}

/// <summary>
/// A resident's demand (诉求). <see cref="OrgPath"/> is the unit it belongs to (the compound's own branch, the grid
/// branch or the community of the place), so that unit, its community and its street all see it; <see cref="HandlerPath"/> is the
/// unit handling it now, whose staff may act on it.
/// </summary>
public class Demand : Entity, IOrgScoped, IVersioned
{
    public string TicketNo { get; set; } = "";
    public Guid CategoryId { get; set; }
    public string CategoryName { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid StreetId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid? GridUnitId { get; set; }
    /// <summary>The compound's own branch (拆—转—建), set instead of the grid: the compound has left its grid branch.</summary>
    public Guid? CompoundUnitId { get; set; }
    public Guid? CompoundId { get; set; }
    public string? Address { get; set; }
    /// <summary>The ticket, description and address cut into search terms (ADR 0036): derived on every save, NULL only in rows written before migration 0049 until rebuilt.</summary>
    public string? SearchText { get => Platform.Lists.SearchTerms.Of(TicketNo, Description, Address); private set { } }
    /// <summary>Personal: masked in the audit log, never on public pages.</summary>
    [PersonalData] public string ContactName { get; set; } = "";
    /// <summary>The phone encrypted (Platform.Privacy, ADR 0030); "" when none was given.</summary>
    public string ContactPhoneCipher { get; set; } = "";
    /// <summary>Keyed hash of the normalised phone: staff find a caller's demands by the whole number.</summary>
    public string? ContactPhoneHash { get; set; }
    /// <summary>The last four digits in clear: with the ticket, what the anonymous tracking page asks for (throttled, ADR 0030).</summary>
    public string PhoneTail { get; set; } = "";
    public DemandSource Source { get; set; }
    /// <summary>The record in another module it was raised from (the household visit of 日走访), when there is one.</summary>
    public Guid? SourceRecordId { get; set; }
    public ServiceMode ServiceMode { get; set; }
    public DateTime? AppointmentAt { get; set; }
    /// <summary>The appointment slot holding a place for this demand (service modes only); null once cancelled.</summary>
    public Guid? SlotId { get; set; }
    public string OrgPath { get; set; } = "";
    public DemandLevel Level { get; set; }
    public Guid HandlerUnitId { get; set; }
    public string HandlerPath { get; set; } = "";
    public DemandState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LevelSince { get; set; }
    public DateTime? ResponseDueAt { get; set; }
    public DateTime? ResolveDueAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    /// <summary>Working hours from receipt to resolution, fixed when it is resolved, so the figures average it in SQL.</summary>
    public double? ResolveHours { get; set; }
    public DateTime? ClosedAt { get; set; }
    public bool Overdue { get; set; }
    public string? Outcome { get; set; }
    public Satisfaction? Rating { get; set; }
    public string? RatingNote { get; set; }
    public int ReopenCount { get; set; }
    public Guid? MergedIntoId { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>The signed-in resident who filed it (their "my demands"); null when filed anonymously or by staff.</summary>
    public Guid? FiledByUserId { get; set; }
    public int Version { get; set; }

    /// <summary>The first level of its place: where a return stops going down.</summary>
    public DemandLevel LowestLevel => CompoundUnitId is not null ? DemandLevel.Compound : GridUnitId is not null ? DemandLevel.Grid : DemandLevel.Community;
}

/// <summary>One step of a demand's handling: who did what, when, and what they said.</summary>
public class DemandStep : Entity, IOrgScoped
{
    public Guid DemandId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateTime At { get; set; }
    public DemandAction Action { get; set; }
    public DemandLevel Level { get; set; }
    public string UnitName { get; set; } = "";
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>The street's whistle to one department (吹哨); the department accepts and reports back (报到).</summary>
public class Dispatch : Entity, IOrgScoped, IVersioned
{
    public Guid DemandId { get; set; }
    public Guid DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";
    /// <summary>The department's path: its officers see their dispatches, not the demand itself.</summary>
    public string OrgPath { get; set; } = "";
    public string DemandPath { get; set; } = "";
    public string Request { get; set; } = "";
    public DispatchState State { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? ReportedAt { get; set; }
    public string? Report { get; set; }
    public int Version { get; set; }
}

