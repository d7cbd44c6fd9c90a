using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Privacy;

/// <summary>
/// The phone columns migration 0050 encrypted (ADR 0030, amended): what the database holds (read with SQL) is a cipher under the
/// current key with no digit run of the number, and pages show the number as before: whole to those who need it, masked to others.
/// </summary>
[Collection(AppCollection.Name)]
public class EncryptedPhoneColumnsTests(LianxinApp app)
{
    PersonalData Pd => app.Services.GetRequiredService<PersonalData>();

    static string NewMobile() => "1360" + Random.Shared.Next(1000000, 9999999);

    string? Raw(string table, string column, Guid id) =>
        app.WithDb(db => db.Database.SqlQueryRaw<string>($"SELECT \"{column}\" AS \"Value\" FROM {table} WHERE \"Id\" = {{0}}", id).AsEnumerable().Single());

    void AssertSealed(string? stored, string phone)
    {
        Assert.NotNull(stored);
        Assert.StartsWith(Pd.CurrentPrefix, stored);
        Assert.DoesNotContain(phone[3..], stored);
        Assert.Equal(phone, Pd.OpenPhone(stored));
    }

    [Fact]
    public async Task A_unit_liaisons_phone_from_dual_reporting_is_stored_sealed()
    {
        var heping = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
        var unit = app.WithDb(db => db.PartnerUnit(heping, "联络电话加密单位"));
        var phone = NewMobile();
        var reported = await (await app.ApiAs("secretary")).PostAsJsonAsync("/api/v1/dual-reports/units",
            new { communityId = heping.Id, partnerUnitId = unit.Id, liaison = "加密联络人", liaisonPhone = phone });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        AssertSealed(Raw("mem_dual_reports", "LiaisonPhoneCipher", (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()), phone);
    }

    [Fact]
    public async Task A_room_bookings_contact_phone_is_stored_sealed()
    {
        var (room, day) = app.WithScope(sp =>
        {
            var db = sp.GetRequiredService<LianxinDb>();
            var org = sp.GetRequiredService<OrgDirectory>();
            var venue = SaveVenue.HandleAsync(db, org, null, new VenueInput
            {
                OrgUnitId = db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id, Name = "电话加密测试中心", Kind = VenueKind.NeighbourhoodCenter, State = VenueState.Open,
                Address = "测试路 50 号", AreaSqm = 200, OpenedOn = new DateOnly(2025, 5, 1), Functions = [VenueFunctions.CultureCenter],
            }, CancellationToken.None).Result.Value!;
            return (VenueSetup.AddRoomAsync(db, org, venue.Id, new RoomInput { Name = "活动室", Capacity = 20 }, CancellationToken.None).Result.Value,
                sp.GetRequiredService<TimeProvider>().Today().AddDays(5));
        });
        var phone = NewMobile();
        var booked = await (await app.ApiAs("staff")).PostAsJsonAsync($"/api/v1/venues/rooms/{room}/bookings",
            new { day, start = "09:00", end = "10:00", bookedBy = "加密测试居民", purpose = "电话加密", attendees = 5, contactPhone = phone });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        AssertSealed(Raw("ven_bookings", "ContactPhoneCipher", (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()), phone);
    }

    [Fact]
    public async Task A_free_text_building_leaders_phone_is_sealed_whole_to_the_community_and_masked_to_a_reviewer()
    {
        // The generator's free-text 楼栋长 (grids after the first keep them), sealed by the demo seeder.
        var b = app.WithDb(db =>
        {
            var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
            var compounds = db.Compounds.Where(c => c.CommunityId == heping.Id).Select(c => c.Id).ToList();
            return db.Buildings.AsNoTracking().Where(x => compounds.Contains(x.CompoundId) && x.LeaderMemberId == null && x.LeaderPhoneCipher != null)
                .OrderBy(x => x.Id).First();
        });
        var phone = Pd.OpenPhone(Raw("org_buildings", "LeaderPhoneCipher", b.Id));
        Assert.Matches(@"^1\d{10}$", phone);
        AssertSealed(Raw("org_buildings", "LeaderPhoneCipher", b.Id), phone);

        async Task<string?> Shown(string user) => (await (await app.ApiAs(user)).GetFromJsonAsync<JsonElement>($"/api/v1/org/compounds/{b.CompoundId}"))
            .GetProperty("buildings").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == b.Id).GetProperty("leaderPhone").GetString();
        Assert.Equal(phone, await Shown("secretary"));
        Assert.Equal(Mask.Phone(phone), await Shown("reviewer"));
        var page = await (await app.PagesAs("reviewer")).GetStringAsync($"/org/compounds/{b.CompoundId}");
        Assert.Contains(Mask.Phone(phone), page);
        Assert.DoesNotContain(phone, page);
    }
}
