using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Features;

public record VenueRow(Guid Id, string Name, string KindName, VenueState State, string StateName, string Functions, bool FullFunctions,
    int StandardsMet, int Rooms, string Opening);

public record CheckRow(StandardItem Item, string Name, bool Met, string? Evidence, DateTime? CheckedAt, string? By);

public record BookingRow(Guid Id, DateTime StartsAt, DateTime EndsAt, string BookedBy, string Kind, string Purpose, int Attendees, bool CanCancel);

public record RoomRow(Guid Id, string Name, int Capacity, IReadOnlyList<BookingRow> Bookings);

public record RoomRef(Guid Id, string Name, int Capacity);

public record VenueForm(Guid Id, string Name, string UnitName, VenueInput Input, IReadOnlyList<RoomRef> Rooms);

public record VenueDetail(Guid Id, string Name, VenueKind Kind, string KindName, VenueState State, string StateName, string Functions, bool FullFunctions,
    string Address, int AreaSqm, TimeOnly OpensAt, TimeOnly ClosesAt, string OpeningNote, DateOnly? OpenedOn, int Version,
    bool CanManage, bool CanBook, DateOnly Day, IReadOnlyList<CheckRow> Checks, IReadOnlyList<RoomRow> Rooms);

public static class VenueQueries
{
    public static string Opening(TimeOnly opens, TimeOnly closes, string note) =>
        note.Length > 0 ? note : string.Format(Platform.Localization.Text.Of("每日 {0}–{1}"), opens.ToString("HH:mm"), closes.ToString("HH:mm"));

    public static async Task<Outcome<List<VenueRow>>> ListAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VenuePermissions.VenueView)) return Failure.Forbidden;
        var reach = await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct);
        var venues = await reach.Venues(db.Venues).AsNoTracking().OrderBy(v => v.OrgPath).ThenBy(v => v.Name).Take(500).ToListAsync(ct);
        var ids = venues.Select(v => v.Id).ToList();
        // Checks and rooms of venues within reach (a grid's people reach their community's venues, above their own subtree).
        var checks = await db.VenueChecks.AcrossScope().AsNoTracking().Where(c => ids.Contains(c.VenueId)).GroupBy(c => c.VenueId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rooms = await db.Rooms.AcrossScope().AsNoTracking().Where(r => ids.Contains(r.VenueId)).GroupBy(r => r.VenueId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return venues.Select(v => new VenueRow(v.Id, v.Name, v.Kind.Chinese(), v.State, v.State.Chinese(), v.Functions.Chinese(), VenueRules.IsFull(v.Functions),
            checks.GetValueOrDefault(v.Id), rooms.GetValueOrDefault(v.Id), Opening(v.OpensAt, v.ClosesAt, v.OpeningNote))).ToList();
    }

    /// <summary>A venue with its 六有 checklist and its rooms' bookings of one day (Beijing time).</summary>
    public static async Task<Outcome<VenueDetail>> DetailAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DateOnly? day, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VenuePermissions.VenueView)) return Failure.Forbidden;
        var v = await (await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct)).Venues(db.Venues).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return Failure.NotFound;
        var canBook = v.State == VenueState.Open && (await VenueReach.ForAsync(db, org, VenuePermissions.VenueBook, ct)).Reaches(v.OrgPath);
        var on = day ?? clock.Today();
        var (from, to) = (ChinaTime.StartOfDayUtc(on), ChinaTime.StartOfDayUtc(on.AddDays(1)));
        // The venue is within reach; its checklist, rooms and bookings come with it.
        var checks = await db.VenueChecks.AcrossScope().AsNoTracking().Where(c => c.VenueId == id).ToDictionaryAsync(c => c.Item, ct);
        var rooms = await db.Rooms.AcrossScope().AsNoTracking().Where(r => r.VenueId == id).OrderBy(r => r.Name).ToListAsync(ct);
        var bookings = (await db.RoomBookings.AcrossScope().AsNoTracking()
                .Where(b => b.VenueId == id && b.State == BookingState.Booked && b.StartsAt < to && b.EndsAt > from).OrderBy(b => b.StartsAt).ToListAsync(ct))
            .ToLookup(b => b.RoomId);
        var canManage = db.Scope.Can(VenuePermissions.VenueManage, v.OrgPath);
        var now = clock.GetUtcNow().UtcDateTime;
        return new VenueDetail(v.Id, v.Name, v.Kind, v.Kind.Chinese(), v.State, v.State.Chinese(), v.Functions.Chinese(), VenueRules.IsFull(v.Functions),
            v.Address, v.AreaSqm, v.OpensAt, v.ClosesAt, Opening(v.OpensAt, v.ClosesAt, v.OpeningNote), v.OpenedOn, v.Version,
            canManage, canBook, on,
            Enum.GetValues<StandardItem>().Select(i => checks.TryGetValue(i, out var c)
                ? new CheckRow(i, i.Chinese(), true, c.Evidence, c.CheckedAt, c.CheckedBy) : new CheckRow(i, i.Chinese(), false, null, null, null)).ToList(),
            rooms.Select(r => new RoomRow(r.Id, r.Name, r.Capacity, bookings[r.Id].Select(b => new BookingRow(b.Id, b.StartsAt, b.EndsAt, b.BookedBy,
                b.BookerKind == BookerKind.Resident ? "居民" : "单位", b.Purpose, b.Attendees,
                b.StartsAt > now && (b.UserId == db.Scope.UserId || canManage))).ToList())).ToList());
    }

    /// <summary>A venue as its form shows it, for those who manage it.</summary>
    public static async Task<Outcome<VenueForm>> FormAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        var v = await (await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct)).Venues(db.Venues).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return Failure.NotFound;
        if (!db.Scope.Can(VenuePermissions.VenueManage, v.OrgPath)) return Failure.Forbidden;
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.VenueId == id).OrderBy(r => r.Name).Select(r => new RoomRef(r.Id, r.Name, r.Capacity)).ToListAsync(ct);
        return new VenueForm(v.Id, v.Name, await org.NameOfAsync(v.OrgUnitId, ct), new VenueInput
        {
            OrgUnitId = v.OrgUnitId, Name = v.Name, Kind = v.Kind, State = v.State, Address = v.Address, AreaSqm = v.AreaSqm,
            Functions = VenueRules.FunctionNames.Where(f => v.Functions.HasFlag(f.Flag)).Select(f => f.Flag).ToList(),
            OpensAt = v.OpensAt, ClosesAt = v.ClosesAt, OpeningNote = v.OpeningNote, OpenedOn = v.OpenedOn, Version = v.Version,
        }, rooms);
    }
}
