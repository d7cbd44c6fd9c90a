using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Targets.Domain;

/// <summary>A quota is a number to reach, or a share of another figure of the same community ("小区数的 60%").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuotaKind>))]
public enum QuotaKind { Number, ShareOfBase }

[JsonConverter(typeof(JsonStringEnumConverter<TargetStatus>))]
public enum TargetStatus { OnTrack, Late, Done }

/// <summary>
/// A key target (重点任务) set by a street or the district for a period. Its progress is read from a module's published
/// figure (<see cref="IndicatorCode"/>) or, when that is null, entered by each community with evidence. <see cref="OrgPath"/>
/// is the setter's; each community's share lives in a <see cref="TargetAssignment"/> so that the community sees it.
/// </summary>
public class KeyTarget : Entity, IOrgScoped, IVersioned
{
    public Guid SetByUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? IndicatorCode { get; set; }
    /// <summary>What a manual target counts ("个", "次"); figures bring their own.</summary>
    public string? ManualUnit { get; set; }
    public QuotaKind QuotaKind { get; set; }
    /// <summary>A number, a percentage for rate figures, or the share (%) of <see cref="BaseIndicatorCode"/>.</summary>
    public decimal Quota { get; set; }
    public string? BaseIndicatorCode { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One community's part of a target: its quota (the target's unless changed) and, for manual targets, its reported value.</summary>
public class TargetAssignment : Entity, IOrgScoped, IVersioned
{
    public Guid TargetId { get; set; }
    public Guid CommunityId { get; set; }
    public string OrgPath { get; set; } = "";
    public string CommunityName { get; set; } = "";
    public decimal Quota { get; set; }
    public decimal? ReportedValue { get; set; }
    /// <summary>When the community first reached its quota (who finished first); kept when a figure later drops.</summary>
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A progress report of a manual target with its evidence (佐证材料).</summary>
public class TargetEvidence : Entity, IOrgScoped
{
    public Guid AssignmentId { get; set; }
    public string OrgPath { get; set; } = "";
    public decimal Value { get; set; }
    public string Note { get; set; } = "";
    public DateOnly On { get; set; }
    public DateTime At { get; set; }
    public string ActorName { get; set; } = "";
}

public static class TargetRules
{
    /// <summary>The figure a community must reach: the quota, or its share of the base rounded up (60% of 7 compounds is 5).</summary>
    public static decimal Required(QuotaKind kind, decimal quota, decimal? baseValue) =>
        kind == QuotaKind.Number ? quota : Math.Ceiling(quota * (baseValue ?? 0) / 100m);

    /// <summary>Done when reached; late when past the deadline and not reached; otherwise on track.</summary>
    public static TargetStatus Status(decimal actual, decimal required, DateOnly dueOn, DateOnly today) =>
        actual >= required ? TargetStatus.Done : today > dueOn ? TargetStatus.Late : TargetStatus.OnTrack;

    /// <summary>Per cent of the way, 0–100 (nothing required is all the way).</summary>
    public static int Percent(decimal actual, decimal required) =>
        required <= 0 ? 100 : (int)Math.Clamp(Math.Floor(actual * 100 / required), 0, 100);

    public static string Chinese(this TargetStatus s) => s switch
    {
        TargetStatus.Done => "已完成", TargetStatus.Late => "逾期未完成", _ => "推进中",
    };

    public static string Tone(this TargetStatus s) => s switch
    {
        TargetStatus.Done => "success", TargetStatus.Late => "danger", _ => "blue",
    };
}
