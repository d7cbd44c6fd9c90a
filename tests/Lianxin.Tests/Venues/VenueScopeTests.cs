using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Venues;

/// <summary>Who sees, books and edits a venue: the community's grid leaders too (read-only), never another community.</summary>
[Collection(AppCollection.Name)]
public class VenueScopeTests(LianxinApp app)
{
    (Guid Venue, Guid Room, DateOnly Day) NewVenue(string community, string name) => app.WithScope(sp =>
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var org = sp.GetRequiredService<OrgDirectory>();
        var unit = db.OrgUnits.First(u => u.ShortName == community);
        var venue = SaveVenue.HandleAsync(db, org, null, new VenueInput
        {
            OrgUnitId = unit.Id, Name = name, Kind = VenueKind.NeighbourhoodCenter, State = VenueState.Open, Address = "测试路 9 号", AreaSqm = 300,
            OpenedOn = new DateOnly(2025, 5, 1), Functions = [VenueFunctions.CultureCenter],
        }, CancellationToken.None).Result.Value!;
        var room = VenueSetup.AddRoomAsync(db, org, venue.Id, new RoomInput { Name = "议事厅", Capacity = 30 }, CancellationToken.None).Result.Value;
        return (venue.Id, room, sp.GetRequiredService<TimeProvider>().Today().AddDays(4));
    });

    static object Booking(DateOnly day, string start, string end) =>
        new { day, start, end, bookedBy = "和平社区第一网格党支部", purpose = "网格议事", attendees = 10 };

    static object Edit(string name, int version) => new
    {
        name, kind = "NeighbourhoodCenter", state = "Open", address = "测试路 9 号", areaSqm = 300, openedOn = "2025-05-01", functions = new[] { "CultureCenter" }, version,
    };

    [Fact]
    public async Task A_grid_leader_sees_and_books_the_venues_of_their_community_but_not_another_communitys_and_edits_neither()
    {
        var (own, room, day) = NewVenue("和平社区党委", "网格可见的邻里中心");
        var (other, otherRoom, _) = NewVenue("幸福社区党委", "邻社区的邻里中心");
        var grid = await app.ApiAs("grid");

        var list = await grid.GetStringAsync("/api/v1/venues");
        Assert.Contains("网格可见的邻里中心", list);
        Assert.DoesNotContain("邻社区的邻里中心", list);
        var detail = await grid.GetFromJsonAsync<JsonElement>($"/api/v1/venues/{own}");
        Assert.True(detail.GetProperty("canBook").GetBoolean());
        Assert.False(detail.GetProperty("canManage").GetBoolean());
        Assert.Equal("议事厅", detail.GetProperty("rooms")[0].GetProperty("name").GetString());

        var booked = await grid.PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings", Booking(day, "09:00", "10:00"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Read-only: the grid leader may not change the venue or its rooms.
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PutAsJsonAsync($"/api/v1/venues/{own}", Edit("改名", detail.GetProperty("version").GetInt32()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PostAsJsonAsync($"/api/v1/venues/{own}/rooms", new { name = "新房间", capacity = 5 })).StatusCode);
        Assert.Contains("/account/access-denied", (await (await app.PagesAs("grid")).GetAsync($"/venues/{own}/edit")).Headers.Location!.ToString());
        // Their own booking they may cancel.
        Assert.Equal(HttpStatusCode.OK, (await grid.PostAsync($"/api/v1/venues/bookings/{bookingId}/cancel", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/venues/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/v1/venues/rooms/{otherRoom}/bookings", Booking(day, "09:00", "10:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("grid")).GetAsync($"/venues/{other}")).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.RoomBookings.Count(b => b.RoomId == otherRoom)));
        Assert.Equal("网格可见的邻里中心", app.WithDb(db => db.Venues.Single(v => v.Id == own).Name));
    }

    [Fact]
    public async Task Bad_input_is_400_with_chinese_field_errors_and_changes_nothing_and_an_older_version_is_409()
    {
        var (own, _, _) = NewVenue("和平社区党委", "校验测试邻里中心");
        var staff = await app.ApiAs("staff");
        var version = app.WithDb(db => db.Venues.Single(v => v.Id == own).Version);

        var bad = await staff.PutAsJsonAsync($"/api/v1/venues/{own}", new
        {
            name = "", kind = "NeighbourhoodCenter", state = "Open", address = "", areaSqm = -1, opensAt = "18:00", closesAt = "09:00", version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var message in new[] { "请填写阵地名称。", "请填写地址。", "面积须在 0–100000 平方米之间。", "闭馆时间须晚于开放时间。", "已开放的阵地请填写开放日期。" })
            Assert.Contains(message, body);
        var unchanged = app.WithDb(db => db.Venues.Single(v => v.Id == own));
        Assert.Equal(("校验测试邻里中心", version), (unchanged.Name, unchanged.Version));

        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/v1/venues/{own}", Edit("校验测试邻里中心（新）", version))).StatusCode);
        var stale = await (await app.ApiAs("secretary")).PutAsJsonAsync($"/api/v1/venues/{own}", Edit("旧版本的名字", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("校验测试邻里中心（新）", app.WithDb(db => db.Venues.Single(v => v.Id == own).Name));

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAs("secretary2")).PutAsJsonAsync($"/api/v1/venues/{own}", Edit("越界", version + 1))).StatusCode);
    }

    [Fact]
    public async Task The_pages_register_a_venue_refuse_bad_input_on_the_form_and_keep_a_booked_room()
    {
        var secretary = await app.PagesAs("secretary");
        var heping = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id);
        var name = "页面登记的活动室" + Guid.NewGuid().ToString("N")[..4];
        var bad = await LianxinApp.PostFormAsync(secretary, "/venues/new", new()
        {
            ["Input.OrgUnitId"] = heping.ToString(), ["Input.Name"] = "", ["Input.Kind"] = "ActivityRoom", ["Input.State"] = "Open", ["Input.Address"] = "",
            ["Input.AreaSqm"] = "80", ["Input.OpensAt"] = "08:30", ["Input.ClosesAt"] = "21:00",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写阵地名称。", html);
        Assert.Contains("已开放的阵地请填写开放日期。", html);
        Assert.Equal(0, app.WithDb(db => db.Venues.Count(v => v.Address == "" || v.Name == "")));

        var ok = await LianxinApp.PostFormAsync(secretary, "/venues/new", new()
        {
            ["Input.OrgUnitId"] = heping.ToString(), ["Input.Name"] = name, ["Input.Kind"] = "ActivityRoom", ["Input.State"] = "Open", ["Input.Address"] = "和平路 3 号",
            ["Input.AreaSqm"] = "80", ["Input.OpensAt"] = "08:30", ["Input.ClosesAt"] = "21:00", ["Input.OpenedOn"] = "2025-01-01", ["Input.Functions"] = "PartyRoom",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var venue = app.WithDb(db => db.Venues.Single(v => v.Name == name));
        Assert.Equal((VenueKind.ActivityRoom, VenueFunctions.PartyRoom), (venue.Kind, venue.Functions));

        var edit = $"/venues/{venue.Id}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(secretary, $"{edit}?handler=AddRoom", new() { ["Room.Name"] = "小会议室", ["Room.Capacity"] = "12" }, edit)).StatusCode);
        var room = app.WithDb(db => db.Rooms.Single(r => r.VenueId == venue.Id));
        var day = app.WithScope(sp => sp.GetRequiredService<TimeProvider>().Today().AddDays(2));
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiAs("staff")).PostAsJsonAsync($"/api/v1/venues/rooms/{room.Id}/bookings", Booking(day, "10:00", "11:00"))).StatusCode);

        // A room with a booking still to come is kept, with the reason on the page; the neighbour community does not find the page.
        var kept = await LianxinApp.PostFormAsync(secretary, $"{edit}?handler=RemoveRoom&roomId={room.Id}", new(), edit);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Contains("还有 1 个未结束的预约", await kept.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.Rooms.Count(r => r.VenueId == venue.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("secretary2")).GetAsync(edit)).StatusCode);

        app.WithDb(db =>
        {
            foreach (var b in db.RoomBookings.Where(b => b.RoomId == room.Id)) b.State = BookingState.Cancelled;
            return db.SaveChanges();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(secretary, $"{edit}?handler=RemoveRoom&roomId={room.Id}", new(), edit)).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.Rooms.Count(r => r.VenueId == venue.Id)));
    }
}
