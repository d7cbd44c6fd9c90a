using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Calendar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Demands;

/// <summary>
/// Services on a resident's behalf (代办·帮办·陪办·预约办) with appointment slots, photos through the API, and a
/// department's overdue dispatch. Every test publishes its own slots (days ahead, so the demo's never interfere).
/// </summary>
[Collection(AppCollection.Name)]
public class ServicesTests(LianxinApp app)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(offset).ToString("yyyy-MM-dd");

    record Place(Guid CommunityId, Guid CompoundId, Guid OnBehalf, Guid Appointment, Guid Ordinary, Guid Xingfu);

    Place Heping() => app.WithDb(db =>
    {
        var community = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var cats = db.DemandCategories.Where(c => c.StreetId == community.ParentId).ToList();
        return new Place(community.Id, db.Compounds.First(c => c.CommunityId == community.Id && c.BranchId == null).Id,
            cats.First(c => c.ServiceMode == ServiceMode.OnBehalf).Id, cats.First(c => c.ServiceMode == ServiceMode.Appointment).Id,
            cats.First(c => c.Name == "设施维修").Id, db.OrgUnits.First(u => u.ShortName == "幸福社区党委").Id);
    });

    async Task<Guid> SlotAsync(Place p, int capacity, string[]? modes = null, int day = 40, string start = "10:00", string end = "11:30")
    {
        var secretary = await app.ApiAs("secretary");
        var r = await secretary.PostAsJsonAsync("/api/v1/demands/slots", new
        {
            communityId = p.CommunityId, date = Day(day), startTime = start, endTime = end, capacity,
            modes = modes ?? ["OnBehalf", "Assisted", "Accompanied", "Appointment"], place = "和平社区党群服务中心二楼",
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await Json(r)).GetProperty("id").GetGuid();
    }

    static object Filing(Place p, Guid category, Guid? slotId, string phone = "13712340001", string text = "老人行动不便，请社区代办养老保险资格认证。") => new
    {
        communityId = p.CommunityId, categoryId = category, description = text, compoundId = p.CompoundId,
        contactName = "测试居民乙", contactPhone = phone, slotId,
    };

    int Booked(Guid slotId) => app.WithDb(db => db.ServiceSlots.First(s => s.Id == slotId).Booked);

    [Fact]
    public async Task A_resident_books_a_slot_a_full_slot_is_refused_and_cancelling_frees_the_place()
    {
        var p = Heping();
        var slot = await SlotAsync(p, capacity: 1);
        var anon = app.CreateClient();

        // A service category without a slot is refused; nothing is filed.
        var marker = Guid.NewGuid().ToString("N")[..8];
        var noSlot = await anon.PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.OnBehalf, null, text: "没有选时段的代办。" + marker));
        Assert.Equal(HttpStatusCode.BadRequest, noSlot.StatusCode);
        Assert.Contains("需要预约，请选择预约时段", await noSlot.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));

        var first = await anon.PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.OnBehalf, slot, "13712340001"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var ticket = (await Json(first)).GetProperty("ticketNo").GetString()!;
        var (demandId, startsAt) = app.WithDb(db =>
        {
            var d = db.Demands.First(x => x.TicketNo == ticket);
            Assert.Equal(slot, d.SlotId);
            return (d.Id, db.ServiceSlots.First(s => s.Id == slot).StartsAt);
        });
        Assert.Equal(startsAt, app.WithDb(db => db.Demands.First(d => d.Id == demandId).AppointmentAt));
        Assert.Equal(1, Booked(slot));

        // The slot is full now: a clear Chinese refusal, nothing filed.
        var second = await anon.PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.OnBehalf, slot, "13712340002", "第二位居民想约同一时段。" + marker));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("所选预约时段已约满，请选择其他时段。", await second.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
        // The public list of free slots no longer offers it.
        var free = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/demands/slots?communityId={p.CommunityId}&mode=OnBehalf");
        Assert.DoesNotContain(free.EnumerateArray(), s => s.GetProperty("id").GetGuid() == slot);

        // The tracking page shows when and where, and no one's personal data.
        var track = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/public/demands/track?ticket={ticket}&phoneTail=0001");
        Assert.Equal("和平社区党群服务中心二楼", track.GetProperty("appointment").GetProperty("place").GetString());
        Assert.Contains("10:00–11:30", track.GetProperty("appointment").GetProperty("when").GetString());
        Assert.DoesNotContain("测试居民乙", track.GetRawText());
        Assert.DoesNotContain("13712340001", track.GetRawText());
        var page = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var trackHtml = await (await LianxinApp.PostFormAsync(page, "/public/demands/track", new() { ["Ticket"] = ticket, ["PhoneTail"] = "0001" })).Content.ReadAsStringAsync();
        Assert.Contains("data-appointment", trackHtml);
        Assert.Contains("和平社区党群服务中心二楼", trackHtml);
        Assert.DoesNotContain("测试居民乙", trackHtml);

        // Staff see the booked slot on the demand's page.
        var secretary = await app.PagesAs("secretary");
        var detail = await secretary.GetStringAsync($"/demands/{demandId}");
        Assert.Contains("data-appointment", detail);
        Assert.Contains("和平社区党群服务中心二楼", detail);

        // The resident cancels (wrong phone digits: not found, nothing changes); the place is free again for the next resident.
        Assert.Equal(HttpStatusCode.NotFound, (await anon.PostAsync($"/api/v1/public/demands/{ticket}/appointment/cancel?phoneTail=9999", null)).StatusCode);
        Assert.Equal(1, Booked(slot));
        var cancel = await anon.PostAsync($"/api/v1/public/demands/{ticket}/appointment/cancel?phoneTail=0001", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(0, Booked(slot));
        Assert.Null(app.WithDb(db => db.Demands.First(d => d.Id == demandId).SlotId));
        Assert.Equal(HttpStatusCode.Conflict, (await anon.PostAsync($"/api/v1/public/demands/{ticket}/appointment/cancel?phoneTail=0001", null)).StatusCode);
        var again = await anon.PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.OnBehalf, slot, "13712340003"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, Booked(slot));
    }

    [Fact]
    public async Task Staff_book_on_the_intake_page_and_cancel_on_the_detail_page()
    {
        var p = Heping();
        var slot = await SlotAsync(p, capacity: 2, modes: ["Appointment"], day: 41);
        var secretary = await app.PagesAs("secretary");
        var html = await secretary.GetStringAsync($"/demands/new?community={p.CommunityId}");
        Assert.Contains(slot.ToString(), html);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var fields = new Dictionary<string, string>
        {
            ["FormToken"] = Regex.Match(html, "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Input.CommunityId"] = p.CommunityId.ToString(), ["Input.CategoryId"] = p.Appointment.ToString(), ["Input.Source"] = "Phone",
            ["Input.Description"] = "电话预约：到社区办理居住证明。" + marker, ["Input.CompoundId"] = p.CompoundId.ToString(),
            ["Input.ContactName"] = "电话居民", ["Input.ContactPhone"] = "13712349999", ["Input.SlotId"] = slot.ToString(),
        };
        var r = await LianxinApp.PostFormAsync(secretary, "/demands/new", fields, $"/demands/new?community={p.CommunityId}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = app.WithDb(db => db.Demands.First(d => d.Description.EndsWith(marker)).Id);
        Assert.Equal(1, Booked(slot));

        // 代办 is not offered in this slot: refused next to the field (a fresh form, so a fresh one-time token).
        fields["FormToken"] = Regex.Match(await secretary.GetStringAsync($"/demands/new?community={p.CommunityId}"), "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["Input.CategoryId"] = p.OnBehalf.ToString();
        fields["Input.Description"] = "代办不在此时段。" + marker + "x";
        var wrongMode = await LianxinApp.PostFormAsync(secretary, "/demands/new", fields, $"/demands/new?community={p.CommunityId}");
        Assert.Equal(HttpStatusCode.OK, wrongMode.StatusCode);
        Assert.Contains("所选时段不提供“代办”服务", await wrongMode.Content.ReadAsStringAsync());
        Assert.Equal(1, Booked(slot));

        var version = app.WithDb(db => db.Demands.First(d => d.Id == id).Version);
        var cancel = await LianxinApp.PostFormAsync(secretary, $"/demands/{id}?handler=CancelAppointment", new() { ["version"] = version.ToString() }, $"/demands/{id}");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(0, Booked(slot));
        Assert.Contains(app.WithDb(db => db.DemandSteps.Where(s => s.DemandId == id).ToList()), s => s.Note != null && s.Note.Contains("已取消预约"));
    }

    [Fact]
    public async Task A_demand_returned_to_the_resident_gives_its_place_back()
    {
        var p = Heping();
        var slot = await SlotAsync(p, capacity: 1, day: 48);
        var filed = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = p.CommunityId, categoryId = p.OnBehalf, description = "代办事项不属于本社区，退回测试。", address = "和平路 8 号",
            contactName = "测试居民丙", contactPhone = "13712348888", slotId = slot,
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await Json(filed)).GetProperty("id").GetGuid();
        Assert.Equal(1, Booked(slot));
        var secretary = await app.ApiAs("secretary");
        var version = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        var back = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Return", note = "经核实不属于本社区，已告知居民。", version });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("Rejected", (await Json(back)).GetProperty("state").GetString());
        Assert.Equal(0, Booked(slot));
        Assert.Null(app.WithDb(db => db.Demands.First(d => d.Id == id).SlotId));
    }

    [Fact]
    public async Task Concurrent_bookings_of_the_last_places_do_not_overbook()
    {
        var p = Heping();
        var staff = await app.ApiAs("secretary");
        foreach (var capacity in new[] { 1, 2 })
        {
            var slot = await SlotAsync(p, capacity, day: 42 + capacity);
            var marker = Guid.NewGuid().ToString("N")[..8];
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                staff.PostAsJsonAsync("/api/v1/demands", Filing(p, p.OnBehalf, slot, $"1371234{i:0000}", $"并发预约第 {i} 位。" + marker))));
            Assert.Equal(capacity, results.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(6 - capacity, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            foreach (var refused in results.Where(r => r.StatusCode == HttpStatusCode.Conflict))
                Assert.Contains("已约满", await refused.Content.ReadAsStringAsync());
            Assert.Equal(capacity, Booked(slot));
            Assert.Equal(capacity, app.WithDb(db => db.Demands.Count(d => d.SlotId == slot)));
            Assert.Equal(capacity, app.WithDb(db => db.Demands.Count(d => d.Description.EndsWith(marker))));
        }
    }

    [Fact]
    public async Task Slots_are_managed_by_their_community_only_and_a_booked_slot_cannot_be_removed()
    {
        var p = Heping();
        var secretary = await app.ApiAs("secretary");
        var bad = await secretary.PostAsJsonAsync("/api/v1/demands/slots", new { communityId = p.CommunityId, date = Day(-1), startTime = "10:00", endTime = "09:00", capacity = 0, modes = Array.Empty<string>(), place = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("结束时间须晚于开始时间", body);
        Assert.Contains("可预约人数须在 1–50 之间", body);
        Assert.Contains("请至少选择一项服务", body);
        Assert.Contains("请填写办理地点", body);

        var booked = await SlotAsync(p, 3, day: 45);
        var empty = await SlotAsync(p, 3, day: 45, start: "15:00", end: "16:00");
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.OnBehalf, booked, "13712345555"))).StatusCode);

        // The week view lists both, with their bookings.
        var week = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/demands/slots?communityId={p.CommunityId}&week={Day(45)}");
        Assert.Equal(1, week.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == booked).GetProperty("booked").GetInt32());
        Assert.Contains(week.EnumerateArray(), s => s.GetProperty("id").GetGuid() == empty);

        // The neighbouring community sees nothing of them: 404, not 403.
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/demands/slots?communityId={p.CommunityId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.DeleteAsync($"/api/v1/demands/slots/{empty}")).StatusCode);
        var neighbourCreate = await neighbour.PostAsJsonAsync("/api/v1/demands/slots", new { communityId = p.CommunityId, date = Day(46), startTime = "10:00", endTime = "11:00", capacity = 2, modes = new[] { "OnBehalf" }, place = "越权" });
        Assert.Equal(HttpStatusCode.NotFound, neighbourCreate.StatusCode);
        var neighbourPage = await app.PagesAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbourPage.GetAsync($"/demands/slots?community={p.CommunityId}")).StatusCode);
        var demandId = app.WithDb(db => db.Demands.First(d => d.SlotId == booked).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/demands/{demandId}/appointment")).StatusCode);

        // A booked slot stays; an unbooked one goes.
        var refused = await secretary.DeleteAsync($"/api/v1/demands/slots/{booked}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已有 1 位居民预约，不能删除", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.DeleteAsync($"/api/v1/demands/slots/{empty}")).StatusCode);
        Assert.False(app.WithDb(db => db.ServiceSlots.Any(s => s.Id == empty)));

        // The page: the week lists the slot, removal of a booked one is refused with the reason.
        var pages = await app.PagesAs("secretary");
        var url = $"/demands/slots?community={p.CommunityId}&week={Day(45)}";
        var html = await pages.GetStringAsync(url);
        Assert.Contains($"data-slot=\"{booked}\"", html);
        Assert.Contains("已有预约", html);
        var viaPage = await LianxinApp.PostFormAsync(pages, $"/demands/slots?handler=Remove&slotId={booked}&community={p.CommunityId}&week={Day(45)}", [], url);
        Assert.Equal(HttpStatusCode.OK, viaPage.StatusCode);
        Assert.Contains("不能删除", await viaPage.Content.ReadAsStringAsync());
        Assert.True(app.WithDb(db => db.ServiceSlots.Any(s => s.Id == booked)));
        var add = await LianxinApp.PostFormAsync(pages, "/demands/slots?handler=Add", new()
        {
            ["Input.CommunityId"] = p.CommunityId.ToString(), ["Input.Date"] = Day(47), ["Input.StartTime"] = "08:30", ["Input.EndTime"] = "09:30",
            ["Input.Capacity"] = "2", ["Input.Modes"] = "Accompanied", ["Input.Place"] = "页面发布的时段",
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.True(app.WithDb(db => db.ServiceSlots.Any(s => s.Place == "页面发布的时段" && s.Modes == "Accompanied" && s.Capacity == 2)));
    }

    static MultipartFormDataContent Photos(params (string Name, byte[] Data, string Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, data, type) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "photos", name);
        }
        return form;
    }

    [Fact]
    public async Task Photos_are_added_to_a_demand_through_the_API_with_the_same_checks()
    {
        var p = Heping();
        var created = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", Filing(p, p.Ordinary, null, "13712346666", "路灯杆歪斜，补充现场照片。"));
        var id = (await Json(created)).GetProperty("id").GetGuid();
        var secretary = await app.ApiAs("secretary");

        var ok = await secretary.PostAsync($"/api/v1/demands/{id}/photos", Photos(("pole.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var photoId = (await Json(ok)).GetProperty("photoIds")[0].GetGuid();
        var img = await secretary.GetAsync($"/api/v1/files/{photoId}");
        Assert.Equal("image/png", img.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await img.Content.ReadAsByteArrayAsync());

        var fake = await secretary.PostAsync($"/api/v1/demands/{id}/photos", Photos(("virus.jpg", "MZ not an image"u8.ToArray(), "image/jpeg")));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("只能上传 JPG、PNG 或 WebP 格式的照片", await fake.Content.ReadAsStringAsync());
        var four = await secretary.PostAsync($"/api/v1/demands/{id}/photos", Photos(("1.png", Png, "image/png"), ("2.png", Png, "image/png"), ("3.png", Png, "image/png"), ("4.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.BadRequest, four.StatusCode);
        Assert.Contains("最多上传 3 张照片", await four.Content.ReadAsStringAsync());
        var none = await secretary.PostAsync($"/api/v1/demands/{id}/photos", Photos());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请选择要上传的照片", await none.Content.ReadAsStringAsync());
        var json = await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/photos", new { photos = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("multipart/form-data", await json.Content.ReadAsStringAsync());
        Assert.Equal(1, app.WithDb(db => db.Files.Count(x => x.OwnerId == id)));

        // Out of scope: not found, for reading and for adding.
        var neighbour = await app.ApiAs("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/demands/{id}/photos", Photos(("n.png", Png, "image/png")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/files/{photoId}")).StatusCode);
        Assert.Equal(1, app.WithDb(db => db.Files.Count(x => x.OwnerId == id)));
    }

    [Fact]
    public async Task A_dispatch_carries_its_own_deadline_and_is_flagged_overdue_for_the_department()
    {
        var p = Heping();
        // The dispatch happens "40 days ago" on a fake clock, so the real clock's tokens stay valid while it moves.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-40));
        using var timed = app.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        async Task<HttpClient> As(string user)
        {
            var c = timed.CreateClient();
            c.DefaultRequestHeaders.Authorization = (await app.ApiAs(user)).DefaultRequestHeaders.Authorization;
            return c;
        }
        var secretary = await As("secretary");
        var street = await As("street");
        var officer = await As("officer");
        var filed = await secretary.PostAsJsonAsync("/api/v1/demands", Filing(p, p.Ordinary, null, "13712347777", "井盖破损需要市政更换，派单超时测试。"));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await Json(filed)).GetProperty("id").GetGuid();
        async Task<int> Version(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action = "Escalate", note = "需街道协调。", version = await Version(secretary) })).StatusCode);
        var cityDept = app.WithDb(db => db.OrgUnits.First(u => u.Kind == OrgKind.Department && u.ShortName == "城管科").Id);
        var sent = await street.PostAsJsonAsync($"/api/v1/demands/{id}/dispatch", new { departmentIds = new[] { cityDept }, request = "请更换破损井盖。", version = await Version(street) });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        // Its deadline comes from the category's limit at the street, counted in working days from when it was sent.
        var x = app.WithDb(db => db.Dispatches.First(d => d.DemandId == id));
        var limit = app.WithDb(db => db.DemandCategories.First(c => c.Id == p.Ordinary).LimitAt(DemandLevel.Street, DemandStreetSettings.DefaultExtraResolveDaysPerLevel));
        var calendar = app.WithDb(db => TenantCalendar.ForDeadlinesAsync(db, x.SentAt, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Equal(calendar.AddWorkingDays(x.SentAt, limit.ResolveDays), x.DueAt);

        async Task<JsonElement> Row(string query = "") =>
            (await officer.GetFromJsonAsync<JsonElement>("/api/v1/demands/dispatches" + query)).EnumerateArray().SingleOrDefault(r => r.GetProperty("dispatch").GetProperty("id").GetGuid() == x.Id);

        clock.SetUtcNow(new DateTimeOffset(x.DueAt.AddMinutes(-1), TimeSpan.Zero));
        Assert.False((await Row()).GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Undefined, (await Row("?overdue=true")).ValueKind);

        clock.SetUtcNow(new DateTimeOffset(x.DueAt.AddDays(2).AddMinutes(1), TimeSpan.Zero));
        var late = await Row("?overdue=true");
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(3, late.GetProperty("daysLate").GetInt32());

        // The department officer's page flags it too.
        var officerPage = timed.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await LianxinApp.PostFormAsync(officerPage, "/account/login", new() { ["UserName"] = "officer", ["Password"] = Lianxin.Web.Demo.DemoSetup.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var html = await officerPage.GetStringAsync("/demands/dispatches?overdue=true");
        Assert.Contains($"data-dispatch=\"{x.Id}\" data-overdue=\"true\"", html);
        Assert.Contains("已超时 3 天", html);

        // Once the department reports back it is no longer overdue.
        var report = await officer.PostAsJsonAsync($"/api/v1/demands/dispatches/{x.Id}", new { action = "DepartmentReport", note = "已更换井盖。", version = x.Version });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.False((await Row()).GetProperty("overdue").GetBoolean());
    }
}
