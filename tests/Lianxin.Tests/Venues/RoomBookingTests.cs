using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Venues;

[Collection(AppCollection.Name)]
public class RoomBookingTests(LianxinApp app)
{
    (Guid Venue, Guid Room, DateOnly Day) NewRoom(string name) => app.WithScope(sp =>
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var venue = SaveVenue.HandleAsync(db, org, null, new VenueInput
        {
            OrgUnitId = heping.Id, Name = name, Kind = VenueKind.PartyServiceCenter, State = VenueState.Open, Address = "和平路 1 号", AreaSqm = 600,
            OpensAt = new TimeOnly(8, 30), ClosesAt = new TimeOnly(21, 0), OpenedOn = new DateOnly(2024, 7, 1),
            Functions = [VenueFunctions.PartyRoom, VenueFunctions.ServiceCenter],
        }, CancellationToken.None).Result.Value!;
        var room = VenueSetup.AddRoomAsync(db, org, venue.Id, new RoomInput { Name = "多功能会议室", Capacity = 40 }, CancellationToken.None).Result.Value;
        return (venue.Id, room, sp.GetRequiredService<TimeProvider>().Today().AddDays(3));
    });

    static object Booking(DateOnly day, string start, string end, string by = "和平社区第一网格党支部", int attendees = 12) =>
        new { day, start, end, bookedBy = by, purpose = "主题党日活动", attendees };

    [Fact]
    public async Task An_overlapping_booking_is_refused_and_back_to_back_is_fine()
    {
        var (_, room, day) = NewRoom("冲突测试党群服务中心");
        var api = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "14:00", "16:00"))).StatusCode);

        var resident = await app.ApiAs("resident");
        var clash = await resident.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "15:00", "17:00", "李阿姨"));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("该时段已被预约：14:00–16:00（和平社区第一网格党支部）", await clash.Content.ReadAsStringAsync());

        var after = await resident.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "16:00", "17:30", "李阿姨"));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var rows = app.WithDb(db => db.RoomBookings.Where(b => b.RoomId == room).OrderBy(b => b.StartsAt).ToList());
        Assert.Equal(2, rows.Count);
        Assert.Equal(BookerKind.Resident, rows[1].BookerKind);
        Assert.Equal(ChinaTime.ToUtc(day, new TimeOnly(14, 0)), rows[0].StartsAt);

        var closed = await api.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "20:00", "22:00"));
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("请在开放时间 08:30–21:00 内预约。", await closed.Content.ReadAsStringAsync());
        var crowd = await api.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "09:00", "10:00", attendees: 80));
        Assert.Contains("该功能室最多容纳 40 人。", await crowd.Content.ReadAsStringAsync());
        Assert.Equal(2, app.WithDb(db => db.RoomBookings.Count(b => b.RoomId == room)));
    }

    [Fact]
    public async Task Of_parallel_bookings_of_one_slot_exactly_one_is_taken()
    {
        var (_, room, day) = NewRoom("并发测试邻里中心");
        // Accounts held at 和平社区 itself (those held at its grid branches reach its venues too: VenueScopeTests).
        var clients = new[] { await app.ApiAs("secretary"), await app.ApiAs("staff"), await app.ApiAs("resident"), await app.ApiAs("liaison"), await app.ApiAs("secretary"), await app.ApiAs("resident") };
        // Overlapping, not identical, stretches: each pair clashes, so only one may stand.
        var starts = new[] { "09:00", "09:30", "10:00", "09:15", "09:45", "10:15" };
        var answers = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, starts[i], "11:00", $"预约方{i}"))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, app.WithDb(db => db.RoomBookings.Count(b => b.RoomId == room)));
    }

    [Fact]
    public async Task The_neighbour_community_does_not_see_the_room()
    {
        var (venue, room, day) = NewRoom("邻社区不可见的活动室");
        var api = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/venues/{venue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "09:00", "10:00"))).StatusCode);
    }
}
