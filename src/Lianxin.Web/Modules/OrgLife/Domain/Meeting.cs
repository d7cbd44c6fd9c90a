using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Domain;

/// <summary>The kinds of organisational life a branch holds (三会一课, 主题党日, 组织生活会, 民主评议党员).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind { BranchAssembly, BranchCommittee, GroupMeeting, PartyLecture, PartyDay, LifeMeeting, MemberAppraisal }

[JsonConverter(typeof(JsonStringEnumConverter<MeetingMode>))]
public enum MeetingMode { OnSite, Online }

[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
public enum MeetingStatus { Active, Cancelled }

/// <summary>How a member on the roster took part: present, late, or absent (on leave, on duty, or without a reason).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceState>))]
public enum AttendanceState { Present, Late, Leave, OnDuty, Absent }

/// <summary>
/// One meeting of a branch. Times are stored in UTC; <see cref="HeldOn"/> is its Beijing date, which is what the rules
/// count by. A cancelled meeting is kept (the calendar feed tells subscribers). <see cref="Sequence"/> is the iCalendar
/// revision, bumped on every edit a subscriber would see.
/// </summary>
public class Meeting : Entity, IOrgScoped, IVersioned
{
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public MeetingMode Mode { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Place { get; set; } = "";
    public string Host { get; set; } = "";
    public string Topic { get; set; } = "";
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
    /// <summary>主题党日: the fixed items ticked, one per line.</summary>
    public string? PartyDayItems { get; set; }
    /// <summary>主题党日: the N items the branch chose, one per line.</summary>
    public string? PartyDayExtras { get; set; }
    public MeetingStatus Status { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>Entered more than the district's window after the meeting (补录): counts once the street approves it.</summary>
    public bool LateEntry { get; set; }
    public DateTime? LateApprovedAt { get; set; }
    public string? LateApprovedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Sequence { get; set; }
    public int Version { get; set; }
}

/// <summary>A member's attendance at a meeting, checked against the branch's roster on the meeting's date.</summary>
public class MeetingAttendance : Entity, IOrgScoped
{
    public Guid MeetingId { get; set; }
    public string OrgPath { get; set; } = "";
    public Guid MemberId { get; set; }
    public string MemberName { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public AttendanceState State { get; set; }
}

/// <summary>A branch's private calendar feed: whoever holds the token reads its meetings (a calendar app subscribes to the URL).</summary>
public class BranchFeed : Entity, IOrgScoped
{
    public Guid BranchId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Token { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class MeetingNames
{
    public static string Chinese(this MeetingKind k) => k switch
    {
        MeetingKind.BranchAssembly => "支部党员大会",
        MeetingKind.BranchCommittee => "支部委员会",
        MeetingKind.GroupMeeting => "党小组会",
        MeetingKind.PartyLecture => "党课",
        MeetingKind.PartyDay => "主题党日",
        MeetingKind.LifeMeeting => "组织生活会",
        MeetingKind.MemberAppraisal => "民主评议党员",
        _ => k.ToString(),
    };

    public static string Chinese(this MeetingMode m) => m == MeetingMode.Online ? "线上" : "线下";

    public static string Chinese(this AttendanceState s) => s switch
    {
        AttendanceState.Present => "出席",
        AttendanceState.Late => "迟到",
        AttendanceState.Leave => "请假",
        AttendanceState.OnDuty => "因公缺席",
        AttendanceState.Absent => "缺席",
        _ => s.ToString(),
    };

    public static bool Attended(this AttendanceState s) => s is AttendanceState.Present or AttendanceState.Late;
}
