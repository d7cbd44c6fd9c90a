using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Domain;

/// <summary>
/// An appointment slot a community publishes for services on a resident's behalf (代办·帮办·陪办·预约办):
/// when, where, how many residents, and which of the services it offers. <see cref="Booked"/> counts the
/// demands holding a place; it only moves through <see cref="Version"/>-checked saves, so two residents
/// taking the last place at the same moment cannot both get it.
/// </summary>
public class ServiceSlot : Entity, IOrgScoped, IVersioned
{
    public Guid CommunityId { get; set; }
    /// <summary>The community's path: its staff (and the street above) see and manage the slot.</summary>
    public string OrgPath { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    /// <summary>The services offered, as <see cref="ServiceMode"/> names separated by commas (e.g. "OnBehalf,Appointment").</summary>
    public string Modes { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<ServiceMode> ModeList => SlotRules.ParseModes(Modes);
    public int Free => Math.Max(0, Capacity - Booked);
}

/// <summary>The rules of appointment slots, in Chinese where a person reads them.</summary>
public static class SlotRules
{
    public const int MaxCapacity = 50;

    /// <summary>The modes that need a slot: every service mode but None.</summary>
    public static readonly ServiceMode[] ServiceModes = [ServiceMode.OnBehalf, ServiceMode.Assisted, ServiceMode.Accompanied, ServiceMode.Appointment];

    public static IReadOnlyList<ServiceMode> ParseModes(string modes) =>
        modes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => Enum.TryParse<ServiceMode>(m, out var x) ? x : ServiceMode.None).Where(m => m != ServiceMode.None).Distinct().ToList();

    public static string FormatModes(IEnumerable<ServiceMode> modes) =>
        string.Join(",", modes.Where(m => m != ServiceMode.None).Distinct().OrderBy(m => m));

    /// <summary>Why a resident cannot take a place in this slot for this service now, or null when they can.</summary>
    public static string? CheckBooking(ServiceSlot slot, ServiceMode mode, DateTime now)
    {
        if (slot.StartsAt <= now) return "所选预约时段已过，请另选时段。";
        if (!slot.ModeList.Contains(mode)) return $"所选时段不提供“{mode.Chinese()}”服务，请另选时段。";
        if (slot.Booked >= slot.Capacity) return FullMessage;
        return null;
    }

    public const string FullMessage = "所选预约时段已约满，请选择其他时段。";

    /// <summary>A slot with bookings stays: removing it would strand residents who count on it.</summary>
    public static string? CheckRemoval(ServiceSlot slot) =>
        slot.Booked > 0 ? $"该时段已有 {slot.Booked} 位居民预约，不能删除；请先与居民沟通并取消预约。" : null;

    /// <summary>A booking can be cancelled until the slot begins.</summary>
    public static string? CheckCancel(ServiceSlot slot, DateTime now) =>
        slot.StartsAt <= now ? "预约时段已开始或已过，不能再取消。" : null;

    /// <summary>"11月27日（周五）09:00–11:00" in Beijing time.</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt)
    {
        var s = ChinaTime.ToBeijing(startsAt);
        var e = ChinaTime.ToBeijing(endsAt);
        if (Lianxin.Web.Platform.Localization.Text.IsEnglish)
            return $"{s.ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en"))} {s:HH:mm}–{e:HH:mm}";
        return $"{s:M月d日}（{Weekday(s.DayOfWeek)}）{s:HH:mm}–{e:HH:mm}";
    }

    public static string Weekday(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => "周一", DayOfWeek.Tuesday => "周二", DayOfWeek.Wednesday => "周三", DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五", DayOfWeek.Saturday => "周六", _ => "周日",
    };

    /// <summary>The Monday (Beijing date) of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>A photo of a demand taken after intake (on site, at the hand-over) is kept alongside the intake photos.</summary>
public static class DemandPhotoRules
{
    /// <summary>Intake takes three; handlers may add as many again twice over, so a demand holds at most nine.</summary>
    public const int MaxPerDemand = 9;
}
