using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.CoBuilding;

/// <summary>The whole co-building loop over the API: need → resource → match → project → agreement → fulfilment → annual review → indicator.</summary>
[Collection(AppCollection.Name)]
public class CoBuildingLoopTests(LianxinApp app)
{
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=");
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();
    static DateOnly Today => TimeProvider.System.Today();
    OrgUnit Heping() => app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "和平社区党委"));
    internal static Guid UserId(LianxinApp app, string userName) => app.WithDb(db => db.Users.Single(u => u.UserName == userName).Id);

    internal static object Need(Guid unit, string title, int quantity, SupplyKind kind = SupplyKind.Skills) => new
    {
        unitId = unit, title, kind = kind.ToString(), quantity, measure = "场", deadline = Today.AddDays(30), place = "和平社区党群服务中心", detail = "测试需求",
    };

    internal static object Resource(Guid unit, string title, int quantity, SupplyKind kind = SupplyKind.Skills) => new
    {
        partnerUnitId = unit, title, kind = kind.ToString(), quantity, measure = "场", availableFrom = Today, availableTo = Today.AddMonths(3), detail = "测试资源",
    };

    internal static MultipartFormDataContent Fulfilment(string note, int version, DateOnly on, byte[]? photo = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(note), "note" }, { new StringContent(version.ToString()), "version" }, { new StringContent(on.ToString("yyyy-MM-dd")), "fulfilledOn" } };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "photos", "现场.png");
        }
        return form;
    }

    IndicatorValue Rate(string path, int year) => app.WithScope(sp => sp.GetRequiredService<IndicatorCatalog>()
        .ReadAsync([CoBuildingLoopIndicators.FulfilmentRate], [path], new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), default).GetAwaiter().GetResult())
        [(CoBuildingLoopIndicators.FulfilmentRate, path)];

    [Fact]
    public async Task A_need_is_answered_matched_carried_out_signed_fulfilled_with_a_photo_reviewed_and_counted_in_the_fulfilment_rate()
    {
        var heping = Heping();
        var unit = app.WithDb(db => db.PartnerUnit(heping, "闭环测试单位", UserId(app, "liaison")));
        var secretary = await app.ApiAs("secretary");
        var liaison = await app.ApiAs("liaison");

        // The community publishes a need; bad input is refused in Chinese and saves nothing.
        var bad = await secretary.PostAsJsonAsync("/api/v1/cobuilding/needs", new { unitId = heping.Id, title = "", kind = "Skills", quantity = 0, measure = "", deadline = Today.AddDays(-1), place = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "请填写需求名称。", "需求数量须在 1–1000000 之间。", "截止日期不能早于今天。", "请填写服务地点。" }) Assert.Contains(m, body);
        var title = "闭环测试需求" + Guid.NewGuid().ToString("N")[..6];
        var needId = Id(await Json(await secretary.PostAsJsonAsync("/api/v1/cobuilding/needs", Need(heping.Id, title, 3))));
        Assert.Equal(1, app.WithDb(db => db.Needs.Count(n => n.Title.StartsWith("闭环测试需求") && n.Id == needId)));

        // The liaison publishes their unit's resource; the need suggests it to the secretary and offers it to the liaison.
        var resourceId = Id(await Json(await liaison.PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(unit.Id, "闭环测试讲师", 4))));
        var seen = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs/{needId}");
        var suggestion = seen.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("resourceId").GetGuid() == resourceId);
        Assert.Equal("驻本社区", suggestion.GetProperty("nearness").GetString());
        Assert.True(suggestion.GetProperty("coversAll").GetBoolean());
        var offered = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs/{needId}");
        Assert.Contains(offered.GetProperty("myResources").EnumerateArray(), r => r.GetProperty("resourceId").GetGuid() == resourceId);

        // The liaison answers with 2, the secretary confirms 1 more: the need is met; a further promise is refused.
        var answered = await liaison.PostAsJsonAsync($"/api/v1/cobuilding/needs/{needId}/matches", new { resourceId, quantity = 2, note = "周六上午" });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var confirmed = await secretary.PostAsJsonAsync($"/api/v1/cobuilding/needs/{needId}/matches", new { resourceId, quantity = 1 });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var need = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs/{needId}");
        Assert.Equal(("Met", 3), (need.GetProperty("status").GetString(), need.GetProperty("promised").GetInt32()));
        Assert.Equal([true, false], need.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("byLiaison").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/api/v1/cobuilding/needs/{needId}/matches", new { resourceId, quantity = 1 })).StatusCode);
        Assert.Equal(3, app.WithDb(db => db.Resources.Single(r => r.Id == resourceId).Promised));

        // A project from the matches: the unit is a party.
        var matchIds = need.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        var project = await secretary.PostAsJsonAsync("/api/v1/cobuilding/projects", new
        {
            title = "闭环测试项目", goal = "三场讲座", budget = 1200, startOn = Today, endOn = Today.AddDays(20), matchIds,
            milestones = new[] { new { title = "第一场", dueOn = Today.AddDays(5) } },
        });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var projectId = Id(await Json(project));
        var detail = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/projects/{projectId}");
        Assert.Equal(unit.Id, detail.GetProperty("parties").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync("/api/v1/cobuilding/projects", new
        {
            title = "重复立项", goal = "重复", startOn = Today, endOn = Today.AddDays(20), matchIds,
        })).StatusCode);

        // The agreement: the unit owes the lectures, the community the venue.
        var agreementId = Id(await Json(await secretary.PostAsJsonAsync("/api/v1/cobuilding/agreements", new
        {
            title = "闭环测试协议", kind = "Project", projectId, signedOn = Today,
            obligations = new object[] { new { partnerUnitId = unit.Id, content = "开展讲座 3 场", dueOn = Today }, new { content = "提供场地", dueOn = Today } },
        })));
        var agreement = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/agreements/{agreementId}");
        var obligations = agreement.GetProperty("obligations").EnumerateArray().ToList();
        var owed = obligations.Single(o => o.GetProperty("partnerUnitId").ValueKind != JsonValueKind.Null);
        var venue = obligations.Single(o => o.GetProperty("partnerUnitId").ValueKind == JsonValueKind.Null);
        Assert.True(owed.GetProperty("canReport").GetBoolean());
        Assert.False(venue.GetProperty("canReport").GetBoolean());

        // The liaison reports fulfilment with a photo; a text file is refused and nothing is recorded.
        var owedId = owed.GetProperty("id").GetGuid();
        var notPhoto = Fulfilment("讲座已办", 0, Today);
        var text = new ByteArrayContent("不是照片"u8.ToArray());
        notPhoto.Add(text, "photos", "记录.txt");
        Assert.Equal(HttpStatusCode.BadRequest, (await liaison.PostAsync($"/api/v1/cobuilding/obligations/{owedId}/fulfilment", notPhoto)).StatusCode);
        Assert.Null(app.WithDb(db => db.Obligations.Single(o => o.Id == owedId).FulfilledOn));
        var reported = await liaison.PostAsync($"/api/v1/cobuilding/obligations/{owedId}/fulfilment", Fulfilment("三场讲座已办，居民 120 人次参加", 0, Today, Png));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var photo = (await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/agreements/{agreementId}")).GetProperty("obligations").EnumerateArray()
            .Single(o => o.GetProperty("id").GetGuid() == owedId).GetProperty("photoIds").EnumerateArray().Single().GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/api/v1/files/{photo}/thumbnail")).StatusCode);

        // The community rates it; closing with the venue still open needs a reason.
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/cobuilding/obligations/{owedId}/rating", new { rating = 4, comment = "讲得好", version = 1 })).StatusCode);
        var noReason = await secretary.PostAsJsonAsync($"/api/v1/cobuilding/agreements/{agreementId}/close", new { reason = "", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("尚有 1 项义务未履行，关闭协议须写明原因。", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(AgreementStatus.InForce, app.WithDb(db => db.Agreements.Single(a => a.Id == agreementId).Status));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/cobuilding/agreements/{agreementId}/close", new { reason = "场地改由学校提供", version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsync($"/api/v1/cobuilding/obligations/{venue.GetProperty("id").GetGuid()}/fulfilment", Fulfilment("晚了", 0, Today))).StatusCode);

        // The annual review scores the unit (1 of 1 fulfilled, rated 4: 80 + 16) and the fulfilment rate counts it.
        var year = Today.Year;
        var before = Rate(heping.Path, year);
        var review = await secretary.PostAsJsonAsync("/api/v1/cobuilding/reviews", new { unitId = heping.Id, year });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var rows = (await Json(review)).EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("partnerUnitId").GetGuid() == unit.Id);
        Assert.Equal((1, 1, 96.0m), (row.GetProperty("due").GetInt32(), row.GetProperty("fulfilled").GetInt32(), row.GetProperty("score").GetDecimal()));
        // The figure of the community is the sum over its stationed units' reviews of the year (the demo's units owe things too).
        var after = Rate(heping.Path, year);
        Assert.Equal((rows.Sum(r => r.GetProperty("fulfilled").GetInt32()), rows.Sum(r => r.GetProperty("due").GetInt32())), ((int)after.Numerator, (int)after.Denominator));
        Assert.True(after.Denominator > before.Denominator);
        // Running it again replaces the year's figures instead of adding to them.
        await secretary.PostAsJsonAsync("/api/v1/cobuilding/reviews", new { unitId = heping.Id, year });
        Assert.Equal(after, Rate(heping.Path, year));

        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == needId.ToString() && a.Action == AuditAction.Update)));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(a => a.EntityId == owedId.ToString() && a.Action == AuditAction.Update && a.After!.Contains("三场讲座已办"))));
    }

    [Fact]
    public async Task Lists_search_filter_and_page_and_say_so_when_nothing_matches()
    {
        var heping = Heping();
        var api = await app.ApiAs("secretary");
        var tag = "列表测试" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++) await api.PostAsJsonAsync("/api/v1/cobuilding/needs", Need(heping.Id, $"{tag}{i}", 2, i == 0 ? SupplyKind.Venue : SupplyKind.Skills));
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs?q={Uri.EscapeDataString(tag)}");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var venues = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs?q={Uri.EscapeDataString(tag)}&kind=Venue&status=Open");
        Assert.Equal(1, venues.GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cobuilding/needs?q={Uri.EscapeDataString(tag)}&status=Met")).GetProperty("total").GetInt32());

        var pages = await app.PagesAs("secretary");
        Assert.Contains("没有符合条件的需求。", await pages.GetStringAsync($"/cobuilding/needs?q={Uri.EscapeDataString(tag + "无")}"));
        var html = await pages.GetStringAsync($"/cobuilding/needs?q={Uri.EscapeDataString(tag)}");
        Assert.Contains($"{tag}2", html);
        foreach (var url in new[] { "/cobuilding/resources?available=true", "/cobuilding/projects", "/cobuilding/agreements", "/cobuilding/agreements/review", "/cobuilding/needs/new",
                     "/cobuilding/projects/new", "/cobuilding/agreements/new", "/cobuilding/resources/new" })
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(url)).StatusCode);
    }

    /// <summary>The edit page once failed with a 500 for every resource (its form was handed the wrong model type).</summary>
    [Fact]
    public async Task A_liaison_opens_their_resource_on_the_edit_page_and_saves_a_change()
    {
        var unit = app.WithDb(db => db.PartnerUnit(Heping(), "修改资源测试单位", UserId(app, "liaison")));
        var title = "修改资源测试" + Guid.NewGuid().ToString("N")[..6];
        var id = Id(await Json(await (await app.ApiAs("liaison")).PostAsJsonAsync("/api/v1/cobuilding/resources", Resource(unit.Id, title, 4))));
        var pages = await app.PagesAs("liaison");
        var form = await pages.GetStringAsync($"/cobuilding/resources/{id}/edit");
        Assert.Contains(title, form);
        var version = app.WithDb(db => db.Resources.Single(r => r.Id == id).Version);
        var saved = await LianxinApp.PostFormAsync(pages, $"/cobuilding/resources/{id}/edit", new()
        {
            ["Input.Title"] = title + "改", ["Input.Kind"] = "Skills", ["Input.Quantity"] = "6", ["Input.Measure"] = "场", ["Input.Version"] = version.ToString(),
            ["Input.AvailableFrom"] = Today.ToString("yyyy-MM-dd"), ["Input.AvailableTo"] = Today.AddMonths(2).ToString("yyyy-MM-dd"), ["Input.Detail"] = "测试资源",
        }, $"/cobuilding/resources/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((title + "改", 6), app.WithDb(db => db.Resources.Where(r => r.Id == id).Select(r => new { r.Title, r.Quantity }).AsEnumerable().Select(r => (r.Title, r.Quantity)).Single()));
    }
}
