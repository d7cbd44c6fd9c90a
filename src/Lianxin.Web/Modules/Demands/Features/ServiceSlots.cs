using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Features;

/// <summary>A slot as community staff publish it: a Beijing date and times, how many residents, which services, where.</summary>
public class SlotRequest
{
    public Guid CommunityId { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public int Capacity { get; set; } = 3;
    public List<ServiceMode> Modes { get; set; } = [];
    public string Place { get; set; } = "";
}

public record SlotDto(Guid Id, Guid CommunityId, DateTime StartsAt, DateTime EndsAt, string When, int Capacity, int Booked, int Free,
    IReadOnlyList<ServiceMode> Modes, string ModeNames, string Place, int Version);

/// <summary>A free slot as an anonymous resident sees it: no one's bookings, only how many places are left.</summary>
public record FreeSlot(Guid Id, DateTime StartsAt, DateTime EndsAt, string When, int Free, IReadOnlyList<ServiceMode> Modes, string ModeNames, string Place);

/// <summary>The booked appointment of a demand, as the detail and tracking pages show it (public facts only).</summary>
public record AppointmentDto(Guid SlotId, DateTime StartsAt, DateTime EndsAt, string When, string Place, bool CanCancel);

public record AppointmentCancelled(Guid DemandId, int Version);

/// <summary>Appointment slots for services on a resident's behalf (代办·帮办·陪办·预约办): publish, list, remove, book, cancel.</summary>
public static class ServiceSlots
{
    public static SlotDto ToDto(ServiceSlot s) => new(s.Id, s.CommunityId, s.StartsAt, s.EndsAt, SlotRules.Describe(s.StartsAt, s.EndsAt), s.Capacity,
        s.Booked, s.Free, s.ModeList, Names(s.ModeList), s.Place, s.Version);

    static string Names(IEnumerable<ServiceMode> modes) => string.Join("、", modes.Select(m => m.Chinese()));

    static DateTime Utc(DateOnly day, TimeOnly time) => ChinaTime.ToUtc(day, time);

    /// <summary>The community through the scope filter (outside the caller's scope: not found), and whether they may manage its slots.</summary>
    static async Task<Outcome<OrgUnitRef>> CommunityAsync(LianxinDb db, OrgDirectory org, Guid communityId, CancellationToken ct)
    {
        if (await org.FindAsync(communityId, ct) is not { Kind: OrgKind.Community } c) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.SlotsManage, c.Path)) return Failure.Forbidden;
        return c;
    }

    /// <summary>Staff's week view: every slot of the community from Monday to Sunday of <paramref name="weekOf"/>'s week.</summary>
    public static async Task<Outcome<List<SlotDto>>> WeekAsync(LianxinDb db, OrgDirectory org, Guid communityId, DateOnly weekOf, CancellationToken ct)
    {
        var found = await CommunityAsync(db, org, communityId, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var monday = SlotRules.WeekStart(weekOf);
        var from = Utc(monday, TimeOnly.MinValue);
        var to = Utc(monday.AddDays(7), TimeOnly.MinValue);
        var slots = await db.ServiceSlots.AsNoTracking().Where(s => s.CommunityId == communityId && s.StartsAt >= from && s.StartsAt < to)
            .OrderBy(s => s.StartsAt).ToListAsync(ct);
        return slots.Select(ToDto).ToList();
    }

    public static async Task<Outcome<SlotDto>> CreateAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, SlotRequest r, CancellationToken ct)
    {
        var found = await CommunityAsync(db, org, r.CommunityId, ct);
        if (!found.IsOk) return new Failure(found.Kind, found.Errors, found.Message);
        var now = clock.GetUtcNow().UtcDateTime;
        var e = new Errors();
        if (r.Date is null) e.Fail(nameof(r.Date), "请选择日期。");
        if (r.StartTime is null) e.Fail(nameof(r.StartTime), "请填写开始时间。");
        if (r.EndTime is null) e.Fail(nameof(r.EndTime), "请填写结束时间。");
        else if (r.StartTime is { } st && r.EndTime <= st) e.Fail(nameof(r.EndTime), "结束时间须晚于开始时间。");
        if (r.Date is { } day && r.StartTime is { } start && Utc(day, start) <= now) e.Fail(nameof(r.Date), "预约时段须在现在之后。");
        if (r.Capacity is < 1 or > SlotRules.MaxCapacity) e.Fail(nameof(r.Capacity), $"可预约人数须在 1–{SlotRules.MaxCapacity} 之间。");
        var modes = (r.Modes ?? []).Where(m => m != ServiceMode.None).Distinct().ToList();
        if (modes.Count == 0) e.Fail(nameof(r.Modes), "请至少选择一项服务（代办、帮办、陪办或预约办）。");
        e.Required(nameof(r.Place), r.Place, "请填写办理地点。");
        e.Max(nameof(r.Place), r.Place, 100, "办理地点");
        if (e.Any) return Failure.Invalid(e);
        var c = found.Value!;
        var slot = new ServiceSlot
        {
            TenantId = db.Scope.TenantId, CommunityId = c.Id, OrgPath = c.Path, StartsAt = Utc(r.Date!.Value, r.StartTime!.Value), EndsAt = Utc(r.Date.Value, r.EndTime!.Value),
            Capacity = r.Capacity, Modes = SlotRules.FormatModes(modes), Place = r.Place.Trim(), CreatedAt = now,
        };
        db.ServiceSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        return ToDto(slot);
    }

    /// <summary>Removes an unbooked slot; a booked one is refused (409), an unseen one is not found.</summary>
    public static async Task<Outcome<Guid>> RemoveAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var slot = await db.ServiceSlots.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (slot is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.SlotsManage, slot.OrgPath)) return Failure.Forbidden;
        if (SlotRules.CheckRemoval(slot) is { } why) return Failure.Conflict(why);
        db.ServiceSlots.Remove(slot);
        // A booking that raced in after the read moved the version: refuse rather than delete a booked slot.
        if (await db.SaveAsync(ct) is not null) return Failure.Conflict("该时段刚有居民预约，不能删除。");
        return slot.Id;
    }

    /// <summary>
    /// Free slots of a community for a service, for anonymous residents: deliberately unfiltered, limited to
    /// this tenant and community, future slots with a place left, projected to public facts.
    /// </summary>
    public static async Task<List<FreeSlot>> FreeAsync(LianxinDb db, TimeProvider clock, Guid communityId, ServiceMode? mode, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = await db.ServiceSlots.AcrossScope().AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.StartsAt > now && s.Booked < s.Capacity)
            .OrderBy(s => s.StartsAt).Take(200).ToListAsync(ct);
        return slots.Where(s => mode is null or ServiceMode.None || s.ModeList.Contains(mode.Value)).Take(60)
            .Select(s => new FreeSlot(s.Id, s.StartsAt, s.EndsAt, SlotRules.Describe(s.StartsAt, s.EndsAt), s.Free, s.ModeList, Names(s.ModeList), s.Place))
            .ToList();
    }

    /// <summary>
    /// Takes a place in the slot for a new demand (called inside <see cref="SubmitDemand"/> before its one save).
    /// The slot is tracked, so the save checks its version: of two requests that read the same last place,
    /// the second save fails and <see cref="SubmitDemand"/> answers "约满" after re-reading.
    /// </summary>
    public static async Task<Failure?> BookAsync(LianxinDb db, Demand d, Guid slotId, DateTime now, CancellationToken ct)
    {
        // Unfiltered like the rest of the public intake: the slot must belong to the demand's community.
        var slot = await db.ServiceSlots.AcrossScope()
            .FirstOrDefaultAsync(s => s.Id == slotId && s.CommunityId == d.CommunityId, ct);
        if (slot is null) return Failure.Invalid(nameof(SubmitDemandRequest.SlotId), "所选预约时段不存在或不属于该社区。");
        if (SlotRules.CheckBooking(slot, d.ServiceMode, now) is { } why)
            return why == SlotRules.FullMessage ? Failure.Conflict(why) : Failure.Invalid(nameof(SubmitDemandRequest.SlotId), why);
        slot.Booked++;
        d.SlotId = slot.Id;
        d.AppointmentAt = slot.StartsAt;
        return null;
    }

    /// <summary>After a failed save: was it the slot that filled up under us?</summary>
    public static async Task<bool> IsFullAsync(LianxinDb db, Guid slotId, CancellationToken ct) =>
        await db.ServiceSlots.AcrossScope().AsNoTracking().Where(s => s.Id == slotId).Select(s => s.Booked >= s.Capacity).FirstOrDefaultAsync(ct);

    /// <summary>The demand's appointment (public facts: when and where). Unfiltered; callers have found the demand already.</summary>
    public static async Task<AppointmentDto?> OfAsync(LianxinDb db, TimeProvider clock, Demand d, CancellationToken ct)
    {
        if (d.SlotId is not { } id) return null;
        var s = await db.ServiceSlots.AcrossScope().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : new AppointmentDto(s.Id, s.StartsAt, s.EndsAt, SlotRules.Describe(s.StartsAt, s.EndsAt), s.Place,
            SlotRules.CheckCancel(s, clock.GetUtcNow().UtcDateTime) is null && Open(d.State));
    }

    static bool Open(DemandState s) => s is DemandState.Submitted or DemandState.Accepted or DemandState.Dispatched;

    /// <summary>The appointment of a demand the caller sees (staff): 404 outside scope.</summary>
    public static async Task<Outcome<AppointmentDto>> ForDemandAsync(LianxinDb db, TimeProvider clock, Guid demandId, CancellationToken ct)
    {
        var d = await db.Demands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == demandId, ct);
        if (d is null) return Failure.NotFound;
        return await OfAsync(db, clock, d, ct) is { } a ? a : Failure.NotFound;
    }

    /// <summary>Staff cancel a demand's appointment (the resident called): the place is free again.</summary>
    public static async Task<Outcome<AppointmentCancelled>> CancelByStaffAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid demandId, int version, CancellationToken ct)
    {
        var d = await db.Demands.FirstOrDefaultAsync(x => x.Id == demandId, ct);
        if (d is null) return Failure.NotFound;
        if (!db.Scope.Can(DemandPermissions.DemandHandle, d.OrgPath) && !db.Scope.Can(DemandPermissions.DemandHandle, d.HandlerPath)) return Failure.Forbidden;
        if (d.Version != version) return Failure.Stale;
        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        return await CancelAsync(db, org, clock, d, null, ct);
    }

    /// <summary>The resident cancels on the tracking page with the ticket and the last four phone digits.</summary>
    public static async Task<Outcome<AppointmentCancelled>> CancelByResidentAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, string ticket, string phoneTail, CancellationToken ct)
    {
        var d = await TrackDemand.FindAsync(db, ticket, phoneTail, ct);
        if (d is null) return new Failure(OutcomeKind.NotFound, Message: "未找到该诉求，请核对受理编号和手机号后四位。");
        return await CancelAsync(db, org, clock, d, "居民（网上取消）", ct);
    }

    static async Task<Outcome<AppointmentCancelled>> CancelAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Demand d, string? actor, CancellationToken ct)
    {
        if (d.SlotId is not { } slotId) return Failure.Conflict("该诉求没有预约时段。");
        if (!Open(d.State)) return Failure.Conflict($"诉求当前为“{d.State.Chinese()}”，不能取消预约。");
        var slot = await db.ServiceSlots.AcrossScope().FirstAsync(s => s.Id == slotId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (SlotRules.CheckCancel(slot, now) is { } why) return Failure.Conflict(why);
        slot.Booked = Math.Max(0, slot.Booked - 1);
        d.SlotId = null;
        d.AppointmentAt = null;
        db.DemandSteps.Add(DemandFlow.Step(db, d, DemandAction.Note, now, await DemandFlow.UnitNameAsync(org, d.HandlerUnitId, ct),
            $"已取消预约（{SlotRules.Describe(slot.StartsAt, slot.EndsAt)}，{slot.Place}），名额已释放。", actor));
        // Both rows are version-checked: a concurrent booking or edit makes this a retryable conflict, never a lost count.
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new AppointmentCancelled(d.Id, d.Version);
    }

    /// <summary>
    /// A demand that ends without being served (returned to the resident, merged into another) gives its
    /// place back, if the slot has not begun; saved with the caller's change.
    /// </summary>
    public static async Task ReleaseAsync(LianxinDb db, Demand d, DateTime now, CancellationToken ct)
    {
        if (d.SlotId is not { } slotId) return;
        var slot = await db.ServiceSlots.AcrossScope().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || slot.StartsAt <= now) return;
        slot.Booked = Math.Max(0, slot.Booked - 1);
        d.SlotId = null;
    }

    /// <summary>Communities whose slots the caller manages (for the slot page's picker).</summary>
    public static async Task<List<(Guid Id, string Name)>> ManagedCommunitiesAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        var units = await org.InScopeAsync(ct, true, OrgKind.Community);
        return units.Where(u => db.Scope.Can(DemandPermissions.SlotsManage, u.Path)).Select(u => (u.Id, u.ShortName)).ToList();
    }
}
