using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Venues.Features;

public class BookRoomRequest
{
    public DateOnly? Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    /// <summary>The booking unit's name, or the resident's own name.</summary>
    public string BookedBy { get; set; } = "";
    public string Purpose { get; set; } = "";
    public int Attendees { get; set; }
    public string? ContactPhone { get; set; }
}

public record BookingSaved(Guid Id, DateTime StartsAt, DateTime EndsAt);

/// <summary>
/// Books a room for a stretch of one day. No double booking, also when two people press at once: each booking bumps the room's
/// version, so of two racing bookings one fails to save and checks again, this time seeing the other's booking (works the
/// same on SQLite and PostgreSQL, no lock or range type needed).
/// </summary>
public static class BookRoom
{
    const int Attempts = 4;

    public static async Task<Outcome<BookingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, PersonalData pd, TimeProvider clock, Guid roomId, BookRoomRequest r,
        CancellationToken ct)
    {
        var (sees, books) = (await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct), await VenueReach.ForAsync(db, org, VenuePermissions.VenueBook, ct));
        for (var attempt = 1; ; attempt++)
        {
            // Rooms of the caller's community are within reach even from a grid below it (VenueReach); others are not found.
            var room = await db.Rooms.AcrossScope().FirstOrDefaultAsync(x => x.Id == roomId, ct);
            if (room is null || !sees.Reaches(room.OrgPath)) return Failure.NotFound;
            if (!books.Reaches(room.OrgPath)) return Failure.Forbidden;
            var venue = await db.Venues.AcrossScope().AsNoTracking().FirstAsync(v => v.Id == room.VenueId, ct);
            if (venue.State != VenueState.Open) return Failure.Conflict("该阵地尚未开放，暂不能预约。");
            var e = new Errors();
            if (r.Day is null) e.Fail(nameof(r.Day), "请选择日期。");
            if (r.Start is null) e.Fail(nameof(r.Start), "请选择开始时间。");
            if (r.End is null) e.Fail(nameof(r.End), "请选择结束时间。");
            e.Required(nameof(r.BookedBy), r.BookedBy, "请填写预约单位或预约人。");
            e.Max(nameof(r.BookedBy), r.BookedBy, 100, "预约单位或预约人");
            e.Required(nameof(r.Purpose), r.Purpose, "请填写用途（如支部主题党日、居民议事会）。");
            e.Max(nameof(r.Purpose), r.Purpose, 200, "用途");
            if (r.Attendees < 1) e.Fail(nameof(r.Attendees), "请填写参加人数。");
            else if (r.Attendees > room.Capacity) e.Fail(nameof(r.Attendees), $"该功能室最多容纳 {room.Capacity} 人。");
            if (r.ContactPhone is { Length: > 0 } phone && !System.Text.RegularExpressions.Regex.IsMatch(phone.Trim(), @"^[0-9\-]{7,20}$"))
                e.Fail(nameof(r.ContactPhone), "联系电话只能包含数字和“-”，7–20 位。");
            var now = clock.GetUtcNow().UtcDateTime;
            if (r is { Day: { } day, Start: { } start, End: { } end }
                && VenueRules.CheckTimes(day, start, end, venue.OpensAt, venue.ClosesAt, ChinaTime.ToUtc(day, start), now) is { } why)
                e.Fail(nameof(r.Start), why);
            if (e.Any) return Failure.Invalid(e);

            var startsAt = ChinaTime.ToUtc(r.Day!.Value, r.Start!.Value);
            var endsAt = ChinaTime.ToUtc(r.Day!.Value, r.End!.Value);
            // Every live booking of the room refuses an overlap, whoever made it and whether the caller sees it or not.
            var clash = await db.RoomBookings.AcrossScope().AsNoTracking()
                .Where(b => b.RoomId == roomId && b.State == BookingState.Booked && b.StartsAt < endsAt && startsAt < b.EndsAt)
                .OrderBy(b => b.StartsAt).FirstOrDefaultAsync(ct);
            if (clash is not null)
                return Failure.Conflict($"该时段已被预约：{ChinaTime.ToBeijing(clash.StartsAt):HH\\:mm}–{ChinaTime.ToBeijing(clash.EndsAt):HH\\:mm}（{clash.BookedBy}），请换个时间。");

            room.LastBookedAt = now;
            db.Entry(room).State = EntityState.Modified;
            var booking = new RoomBooking
            {
                RoomId = room.Id, VenueId = room.VenueId, OrgPath = room.OrgPath, StartsAt = startsAt, EndsAt = endsAt,
                BookerKind = db.Scope.Current?.Role == Role.Resident ? BookerKind.Resident : BookerKind.Unit, BookedBy = r.BookedBy.Trim(),
                UserId = db.Scope.UserId, Purpose = r.Purpose.Trim(), Attendees = r.Attendees, ContactPhoneCipher = pd.Seal(r.ContactPhone).Cipher,
                State = BookingState.Booked, CreatedAt = now,
            };
            db.RoomBookings.Add(booking);
            try
            {
                await db.SaveChangesAsync(ct);
                return new BookingSaved(booking.Id, startsAt, endsAt);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone booked this room meanwhile: forget what we read and check again against their booking.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Failure.Conflict("预约的人较多，请稍后重试。");
            }
        }
    }

    /// <summary>The booker (or the venue's managers) cancels a booking that has not started.</summary>
    public static async Task<Outcome<Guid>> CancelAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid bookingId, CancellationToken ct)
    {
        var sees = await VenueReach.ForAsync(db, org, VenuePermissions.VenueView, ct);
        var b = await db.RoomBookings.AcrossScope().FirstOrDefaultAsync(x => x.Id == bookingId, ct);
        if (b is null || (b.UserId != db.Scope.UserId && !sees.Reaches(b.OrgPath))) return Failure.NotFound;
        if (b.UserId != db.Scope.UserId && !db.Scope.Can(VenuePermissions.VenueManage, b.OrgPath)) return Failure.Forbidden;
        if (b.State == BookingState.Cancelled) return Failure.Conflict("该预约已取消。");
        if (b.StartsAt <= clock.GetUtcNow().UtcDateTime) return Failure.Conflict("已开始的预约不能取消。");
        b.State = BookingState.Cancelled;
        await db.SaveChangesAsync(ct);
        return b.Id;
    }
}
