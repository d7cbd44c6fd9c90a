using System.Text.Json.Serialization;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Venues.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<VenueKind>))]
public enum VenueKind { PartyServiceCenter, NeighbourhoodCenter, CivilizationStation, SharedSpace, ActivityRoom, Other }

[JsonConverter(typeof(JsonStringEnumConverter<VenueState>))]
public enum VenueState { Planned, Building, Open }

/// <summary>一室四中心 (source 003): the functions a venue serves, any combination.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<VenueFunctions>))]
public enum VenueFunctions
{
    None = 0, PartyRoom = 1, ServiceCenter = 2, CultureCenter = 4, TrainingCenter = 8, VolunteerCenter = 16,
}

/// <summary>六有 (达标): the six things a standard venue has; each is met by a check with its evidence.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandardItem>))]
public enum StandardItem { Space, Sign, Rules, Equipment, Activities, Staff }

[JsonConverter(typeof(JsonStringEnumConverter<BookerKind>))]
public enum BookerKind { Unit, Resident }

[JsonConverter(typeof(JsonStringEnumConverter<BookingState>))]
public enum BookingState { Booked, Cancelled }

/// <summary>A venue (阵地) of a street or community. <see cref="OrgPath"/> is the owning unit's.</summary>
public class Venue : Entity, IOrgScoped, IVersioned
{
    public Guid OrgUnitId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public VenueKind Kind { get; set; }
    public VenueState State { get; set; }
    public VenueFunctions Functions { get; set; }
    public string Address { get; set; } = "";
    public int AreaSqm { get; set; }
    /// <summary>Daily opening, Beijing time; bookings must fall inside it.</summary>
    public TimeOnly OpensAt { get; set; } = new(8, 30);
    public TimeOnly ClosesAt { get; set; } = new(21, 0);
    /// <summary>What residents read ("周一至周日 8:30–21:00，节假日照常").</summary>
    public string OpeningNote { get; set; } = "";
    public DateOnly? OpenedOn { get; set; }
    public int Version { get; set; }
}

/// <summary>One 六有 item met, with its evidence; absent means not yet met.</summary>
public class VenueCheck : Entity, IOrgScoped
{
    public Guid VenueId { get; set; }
    public string OrgPath { get; set; } = "";
    public StandardItem Item { get; set; }
    public string Evidence { get; set; } = "";
    public DateTime CheckedAt { get; set; }
    public string CheckedBy { get; set; } = "";
}

/// <summary>
/// A room that can be booked. <see cref="Version"/> is bumped by every booking of the room: two bookings racing for it cannot
/// both save, so the loser checks again against the winner (no double booking on either provider).
/// </summary>
public class Room : Entity, IOrgScoped, IVersioned
{
    public Guid VenueId { get; set; }
    public string OrgPath { get; set; } = "";
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public DateTime? LastBookedAt { get; set; }
    public int Version { get; set; }
}

public class RoomBooking : Entity, IOrgScoped
{
    public Guid RoomId { get; set; }
    public Guid VenueId { get; set; }
    public string OrgPath { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public BookerKind BookerKind { get; set; }
    /// <summary>The unit's name, or the resident's name as they gave it.</summary>
    public string BookedBy { get; set; } = "";
    public Guid? UserId { get; set; }
    public string Purpose { get; set; } = "";
    public int Attendees { get; set; }
    /// <summary>The booker's phone, AES-GCM encrypted (ADR 0030).</summary>
    public string? ContactPhoneCipher { get; set; }
    public BookingState State { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class VenueRules
{
    public static string Chinese(this VenueKind k) => k switch
    {
        VenueKind.PartyServiceCenter => "党群服务中心", VenueKind.NeighbourhoodCenter => "邻里中心", VenueKind.CivilizationStation => "新时代文明实践站",
        VenueKind.SharedSpace => "党群共享空间", VenueKind.ActivityRoom => "活动室", _ => "其他阵地",
    };

    public static string Chinese(this VenueState s) => s switch { VenueState.Planned => "规划中", VenueState.Building => "建设中", _ => "已开放" };

    public static string Chinese(this StandardItem i) => i switch
    {
        StandardItem.Space => "有场所", StandardItem.Sign => "有牌子", StandardItem.Rules => "有制度",
        StandardItem.Equipment => "有设施", StandardItem.Activities => "有活动", _ => "有人员",
    };

    public static IReadOnlyList<(VenueFunctions Flag, string Name)> FunctionNames { get; } =
    [
        (VenueFunctions.PartyRoom, "党员活动室"), (VenueFunctions.ServiceCenter, "便民服务中心"), (VenueFunctions.CultureCenter, "文体活动中心"),
        (VenueFunctions.TrainingCenter, "教育培训中心"), (VenueFunctions.VolunteerCenter, "志愿服务中心"),
    ];

    public static string Chinese(this VenueFunctions f) =>
        string.Join("、", FunctionNames.Where(x => f.HasFlag(x.Flag)).Select(x => x.Name)) is { Length: > 0 } s ? s : "—";

    /// <summary>一室四中心: the party room and all four centres.</summary>
    public static bool IsFull(VenueFunctions f) => FunctionNames.All(x => f.HasFlag(x.Flag));

    /// <summary>Two stretches overlap when each starts before the other ends (back to back is fine).</summary>
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>Why a booking's times are refused, or null: ends after it starts, one day, within opening hours, at most 8 hours, not in the past.</summary>
    public static string? CheckTimes(DateOnly day, TimeOnly start, TimeOnly end, TimeOnly opens, TimeOnly closes, DateTime startUtc, DateTime nowUtc)
    {
        if (end <= start) return "结束时间须晚于开始时间。";
        if (start < opens || end > closes) return $"请在开放时间 {opens:HH\\:mm}–{closes:HH\\:mm} 内预约。";
        if (end - start > TimeSpan.FromHours(8)) return "一次预约不能超过 8 小时。";
        if (startUtc < nowUtc) return "不能预约已经过去的时间。";
        return null;
    }
}
