using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Privacy;

/// <summary>Issue 17 on the shared demo database: phones encrypted at rest yet found, public text masked, tracking throttled (ADR 0030).</summary>
[Collection(AppCollection.Name)]
public class PhonePrivacyTests(LianxinApp app)
{
    record Place(Guid CommunityId, Guid CompoundId, Guid Category);

    Place Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        return new Place(community.Id, db.Compounds.First(c => c.CommunityId == community.Id && c.BranchId == null).Id,
            db.DemandCategories.First(c => c.StreetId == community.ParentId && c.Name == "设施维修").Id);
    });

    static object Filing(Place p, string text, string phone) => new
    {
        communityId = p.CommunityId, categoryId = p.Category, description = text, compoundId = p.CompoundId, contactName = "隐私测试居民", contactPhone = phone,
    };

    static string Unique(int digits) => string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Concat("0123456789")).Substring(0, digits);

    [Fact]
    public async Task A_demands_phone_is_stored_encrypted_shown_to_its_handlers_and_found_by_the_whole_number()
    {
        var p = Heping();
        var phone = "139" + Unique(8);
        var text = "楼道灯坏了，请尽快维修。" + Unique(6);
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", Filing(p, text, $"+86 {phone[..3]} {phone[3..7]} {phone[7..]}"));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // At rest: a cipher under the current key and a keyed hash, never the number; the tail stays for tracking.
        var row = app.WithDb(db => db.Demands.AsNoTracking().Single(d => d.Id == id));
        Assert.StartsWith("v1:", row.ContactPhoneCipher);
        Assert.DoesNotContain(phone, row.ContactPhoneCipher);
        Assert.Equal(app.Services.GetRequiredService<PersonalData>().Hash(phone), row.ContactPhoneHash);
        Assert.Equal(phone[^4..], row.PhoneTail);

        var secretary = await app.ApiAs("secretary");
        Assert.Equal(phone, (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("contactPhone").GetString());
        // Staff search by the number however it is typed; a fragment of it finds nothing.
        foreach (var q in new[] { phone, "%2B86" + phone })
            Assert.Contains((await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={q}")).GetProperty("items").EnumerateArray(),
                d => d.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands?q={phone[3..]}")).GetProperty("items").EnumerateArray(),
            d => d.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_members_phone_is_encrypted_and_the_roster_finds_it_by_the_whole_number()
    {
        var secretary = await app.ApiAs("secretary");
        var branch = new Members.MemberRosterTests(app).Units().hepingGrid.Id;
        var phone = "138" + Unique(8);
        var created = await secretary.PostAsJsonAsync("/api/v1/members", Members.MemberRosterTests.NewMember(branch, "加密电话党员", phone: "+86" + phone));
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var row = app.WithDb(db => db.Members.AsNoTracking().Single(m => m.Id == id));
        Assert.DoesNotContain(phone, row.PhoneCipher);
        Assert.Equal(phone, app.Services.GetRequiredService<PersonalData>().Decrypt(row.PhoneCipher!));

        var found = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={phone}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(phone, item.GetProperty("phone").GetString());
        Assert.Empty((await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={phone[..7]}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_tracking_page_masks_a_phone_or_ID_typed_into_the_description()
    {
        var p = Heping();
        var typed = "139" + Unique(8);
        var text = $"请回电 {typed}，身份证 11010519491231002X，谢谢。" + Unique(4);
        var tailPhone = "137" + Unique(8);
        var filed = await (await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", Filing(p, text, tailPhone))).Content.ReadFromJsonAsync<JsonElement>();
        var ticket = filed.GetProperty("ticketNo").GetString()!;

        var api = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/public/demands/track?ticket={ticket}&phoneTail={tailPhone[^4..]}");
        var shown = api.GetProperty("description").GetString()!;
        Assert.DoesNotContain(typed, shown);
        Assert.Contains($"{typed[..3]}****{typed[^4..]}", shown);
        Assert.Contains("1101**********002X", shown);

        var page = await (await LianxinApp.PostFormAsync(app.CreateClient(), "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = tailPhone[^4..] }))
            .Content.ReadAsStringAsync();
        Assert.Contains($"{typed[..3]}****{typed[^4..]}", page);
        Assert.DoesNotContain(typed, page);
        Assert.DoesNotContain("11010519491231002X", page);
        // Staff handling it still read what the resident wrote.
        var id = filed.GetProperty("id").GetGuid();
        Assert.Contains(typed, (await (await app.ApiAs("secretary")).GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Five_wrong_tails_stop_a_tickets_lookups_for_an_hour_with_a_429_and_Retry_After()
    {
        var p = Heping();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var timed = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var anon = timed.CreateClient();
        var phone = "136" + Unique(8);
        var filed = await anon.PostAsJsonAsync("/api/v1/public/demands", Filing(p, "节流测试：车棚顶棚漏雨。" + Unique(4), phone));
        var ticket = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketNo").GetString()!;
        var wrong = phone[^4..] == "0000" ? "1111" : "0000";

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/public/demands/track?ticket={ticket}&phoneTail={wrong}")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        // Now even the right tail waits: the guesser cannot tell a hit from a miss.
        var refused = await anon.GetAsync($"/api/v1/public/demands/track?ticket={ticket}&phoneTail={phone[^4..]}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("3300", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("查询失败次数过多", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anon.PostAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail={phone[^4..]}",
            JsonContent.Create(new { rating = "Satisfied" }))).StatusCode);
        var page = await LianxinApp.PostFormAsync(timed.CreateClient(), "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = phone[^4..] });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请 55 分钟后再试", await page.Content.ReadAsStringAsync());

        clock.Advance(TimeSpan.FromMinutes(55));
        var track = await anon.GetAsync($"/api/v1/public/demands/track?ticket={ticket}&phoneTail={phone[^4..]}");
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.Equal(DemandState.Submitted.Chinese(), (await track.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }
}
