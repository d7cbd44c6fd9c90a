using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Volunteering.Domain;

/// <summary>What an activity does; its code travels in <c>VolunteerHoursConfirmed.ActivityKind</c> (the points bank rates by it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind { Patrol, Environment, MutualAid, Publicity, Skills, Other }

/// <summary>
/// A volunteering activity of a community (<see cref="OrgPath"/> is the community's). <see cref="Taken"/> counts the
/// confirmed places; it is changed only under the activity's row lock (<see cref="Features.SignUps"/>), never by a tracked save,
/// so that sign-ups do not make an organiser's edit stale.
/// </summary>
public class Activity : Entity, IOrgScoped, IVersioned
{
    public Guid UnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid? TeamId { get; set; }
    public string Title { get; set; } = "";
    public ActivityKind Kind { get; set; }
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Taken { get; set; }
    public string? Skills { get; set; }
    public string? Description { get; set; }
    public Guid? OrganiserUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when the organiser called the activity off: nobody signs up, checks in or earns hours at it any more.</summary>
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}

[JsonConverter(typeof(JsonStringEnumConverter<SignupStatus>))]
public enum SignupStatus { Confirmed, Waiting, Cancelled }

/// <summary>
/// One person at one activity: the sign-up (or the organiser's entry of a walk-in), the check-in and check-out, and the
/// hours the organiser confirmed (versioned: two organisers confirming at once publish one event). Its id is the attendance id the points bank credits once. <see cref="OrgPath"/> and
/// <see cref="Day"/> are the activity's (a person's record and the figures read them without a join).
/// </summary>
public class Signup : Entity, IOrgScoped, IVersioned
{
    public Guid ActivityId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateOnly Day { get; set; }
    public Guid? UserId { get; set; }
    public Guid? MemberId { get; set; }
    public string Name { get; set; } = "";
    public SignupStatus Status { get; set; }
    public DateTime SignedUpAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public DateTime? CheckedOutAt { get; set; }
    public int? ConfirmedMinutes { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public Guid? ConfirmedBy { get; set; }
    public int Version { get; set; }
}

public static class ActivityRules
{
    /// <summary>Scanning opens an hour before the start; the code works until two hours after the end (late check-outs).</summary>
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromHours(1);
    public static readonly TimeSpan ScanCloses = TimeSpan.FromHours(2);

    public const string Cancelled = "活动已取消。";

    public static string Chinese(this ActivityKind k) => k switch
    {
        ActivityKind.Patrol => "安全巡防",
        ActivityKind.Environment => "环境整治",
        ActivityKind.MutualAid => "爱心互助",
        ActivityKind.Publicity => "教育宣传",
        ActivityKind.Skills => "技能服务",
        ActivityKind.Other => "其他",
        _ => k.ToString(),
    };

    public static string Chinese(this SignupStatus s) => s switch
    {
        SignupStatus.Confirmed => "已报名",
        SignupStatus.Waiting => "候补",
        SignupStatus.Cancelled => "已取消",
        _ => s.ToString(),
    };

    /// <summary>
    /// The minutes served: the part of [check-in, check-out] inside the activity's time, whole minutes. Coming early or
    /// staying late does not count; the organiser may confirm another figure.
    /// </summary>
    public static int Minutes(DateTime startsAt, DateTime endsAt, DateTime checkedIn, DateTime checkedOut)
    {
        var from = checkedIn < startsAt ? startsAt : checkedIn;
        var to = checkedOut > endsAt ? endsAt : checkedOut;
        return to <= from ? 0 : (int)(to - from).TotalMinutes;
    }

    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#");
}
