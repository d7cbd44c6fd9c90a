using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Features;

public class VenueInput
{
    public Guid OrgUnitId { get; set; }
    public string Name { get; set; } = "";
    public VenueKind Kind { get; set; }
    public VenueState State { get; set; }
    public List<VenueFunctions> Functions { get; set; } = [];
    public string Address { get; set; } = "";
    public int AreaSqm { get; set; }
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public string? OpeningNote { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public int Version { get; set; }
}

public record VenueSaved(Guid Id, int Version);

/// <summary>Registers or edits a venue of a street or community: kind, state (规划中 → 建设中 → 已开放), functions, opening hours.</summary>
public static class SaveVenue
{
    public static async Task<Outcome<VenueSaved>> HandleAsync(LianxinDb db, OrgDirectory org, Guid? id, VenueInput r, CancellationToken ct)
    {
        Venue? venue = null;
        if (id is { } existing)
        {
            // Seen but not managed (a grid leader and their community's venue) is 403; beyond reach 404.
            venue = await (await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct)).Venues(db.Venues).FirstOrDefaultAsync(v => v.Id == existing, ct);
            if (venue is null) return Failure.NotFound;
            if (!db.Scope.Can(VenuePermissions.VenueManage, venue.OrgPath)) return Failure.Forbidden;
        }
        var unit = await org.FindAsync(id is null ? r.OrgUnitId : venue!.OrgUnitId, ct);
        if (unit is null || unit.Kind is not (OrgKind.Street or OrgKind.Community or OrgKind.Branch))
            return Failure.Invalid(nameof(r.OrgUnitId), "请选择阵地所属的街道、社区或支部。");
        if (!db.Scope.Can(VenuePermissions.VenueManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择阵地类型。");
        if (!Enum.IsDefined(r.State)) e.Fail(nameof(r.State), "请选择建设状态。");
        e.Required(nameof(r.Name), r.Name, "请填写阵地名称。");
        e.Max(nameof(r.Name), r.Name, 100, "阵地名称");
        e.Required(nameof(r.Address), r.Address, "请填写地址。");
        e.Max(nameof(r.Address), r.Address, 200, "地址");
        e.Max(nameof(r.OpeningNote), r.OpeningNote, 200, "开放时间说明");
        if (r.AreaSqm is < 0 or > 100_000) e.Fail(nameof(r.AreaSqm), "面积须在 0–100000 平方米之间。");
        var opens = r.OpensAt ?? new TimeOnly(8, 30);
        var closes = r.ClosesAt ?? new TimeOnly(21, 0);
        if (closes <= opens) e.Fail(nameof(r.ClosesAt), "闭馆时间须晚于开放时间。");
        if (r.State == VenueState.Open && r.OpenedOn is null) e.Fail(nameof(r.OpenedOn), "已开放的阵地请填写开放日期。");
        if (e.Any) return Failure.Invalid(e);
        if (venue is null)
        {
            venue = new Venue { OrgUnitId = unit.Id, OrgPath = unit.Path };
            db.Venues.Add(venue);
        }
        else
        {
            if (venue.Version != r.Version) return Failure.Stale;
            db.Entry(venue).Property(x => x.Version).OriginalValue = r.Version;
        }
        venue.Name = r.Name.Trim();
        venue.Kind = r.Kind;
        venue.State = r.State;
        venue.Functions = r.Functions.Aggregate(VenueFunctions.None, (a, f) => a | f);
        venue.Address = r.Address.Trim();
        venue.AreaSqm = r.AreaSqm;
        venue.OpensAt = opens;
        venue.ClosesAt = closes;
        venue.OpeningNote = r.OpeningNote?.Trim() ?? "";
        venue.OpenedOn = r.OpenedOn;
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new VenueSaved(venue.Id, venue.Version);
    }
}

public class RoomInput
{
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
}

public class CheckInput
{
    public StandardItem Item { get; set; }
    public string Evidence { get; set; } = "";
}

/// <summary>Rooms of a venue, and its 六有 checklist: an item is met with its evidence, or withdrawn.</summary>
public static class VenueSetup
{
    static async Task<Outcome<Venue>> ManagedAsync(LianxinDb db, OrgDirectory org, Guid venueId, CancellationToken ct)
    {
        var venue = await (await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct)).Venues(db.Venues).FirstOrDefaultAsync(v => v.Id == venueId, ct);
        if (venue is null) return Failure.NotFound;
        if (!db.Scope.Can(VenuePermissions.VenueManage, venue.OrgPath)) return Failure.Forbidden;
        return venue;
    }

    public static async Task<Outcome<Guid>> AddRoomAsync(LianxinDb db, OrgDirectory org, Guid venueId, RoomInput r, CancellationToken ct)
    {
        var found = await ManagedAsync(db, org, venueId, ct);
        if (!found.IsOk) return found.AsFailure();
        var e = new Errors();
        e.Required(nameof(r.Name), r.Name, "请填写功能室名称。");
        e.Max(nameof(r.Name), r.Name, 60, "功能室名称");
        if (r.Capacity is < 1 or > 2000) e.Fail(nameof(r.Capacity), "容纳人数须在 1–2000 之间。");
        if (e.Any) return Failure.Invalid(e);
        var name = r.Name.Trim();
        if (await db.Rooms.AnyAsync(x => x.VenueId == venueId && x.Name == name, ct)) return Failure.Invalid(nameof(r.Name), "该阵地已有同名功能室。");
        var room = new Room { VenueId = venueId, OrgPath = found.Value!.OrgPath, Name = name, Capacity = r.Capacity };
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return room.Id;
    }

    /// <summary>Takes a room off the venue; one with bookings still to come is kept until they are cancelled (those who booked it rely on it).</summary>
    public static async Task<Outcome<string>> RemoveRoomAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid venueId, Guid roomId, CancellationToken ct)
    {
        var found = await ManagedAsync(db, org, venueId, ct);
        if (!found.IsOk) return found.AsFailure();
        var room = await db.Rooms.FirstOrDefaultAsync(x => x.Id == roomId && x.VenueId == venueId, ct);
        if (room is null) return Failure.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var coming = await db.RoomBookings.AcrossScope().CountAsync(b => b.RoomId == roomId && b.State == BookingState.Booked && b.EndsAt > now, ct);
        if (coming > 0) return Failure.Conflict($"“{room.Name}”还有 {coming} 个未结束的预约，请先取消这些预约再删除。");
        db.Rooms.Remove(room);
        await db.SaveChangesAsync(ct);
        return room.Name;
    }

    public static async Task<Outcome<StandardItem>> CheckAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid venueId, CheckInput r, CancellationToken ct)
    {
        var found = await ManagedAsync(db, org, venueId, ct);
        if (!found.IsOk) return found.AsFailure();
        var e = new Errors();
        e.Required(nameof(r.Evidence), r.Evidence, "请填写佐证（如制度名称、照片存放处、人员名单）。");
        e.Max(nameof(r.Evidence), r.Evidence, 500, "佐证");
        if (!Enum.IsDefined(r.Item)) e.Fail(nameof(r.Item), "没有这一项。");
        if (e.Any) return Failure.Invalid(e);
        var check = await db.VenueChecks.FirstOrDefaultAsync(c => c.VenueId == venueId && c.Item == r.Item, ct);
        if (check is null) db.VenueChecks.Add(check = new VenueCheck { VenueId = venueId, OrgPath = found.Value!.OrgPath, Item = r.Item });
        check.Evidence = r.Evidence.Trim();
        check.CheckedAt = clock.GetUtcNow().UtcDateTime;
        check.CheckedBy = db.Scope.UserName;
        await db.SaveChangesAsync(ct);
        return r.Item;
    }
}
