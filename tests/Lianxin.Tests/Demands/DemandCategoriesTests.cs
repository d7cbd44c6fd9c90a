using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Demands.Domain;

namespace Lianxin.Tests.Demands;

/// <summary>Street staff manage the street's demand categories on /demands/categories (and through the API).</summary>
[Collection(AppCollection.Name)]
public class DemandCategoriesTests(LianxinApp app)
{
    Guid Donghu() => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委").ParentId!.Value);

    static Dictionary<string, string> Form(string name, string level = "Community", string hours = "8", string days = "5", string mode = "None") => new()
    {
        ["Input.Name"] = name, ["Input.DefaultLevel"] = level, ["Input.ResponseHours"] = hours, ["Input.ResolveDays"] = days, ["Input.ServiceMode"] = mode,
    };

    [Fact]
    public async Task Street_staff_add_edit_disable_and_enable_a_category_and_bad_input_changes_nothing()
    {
        var streetId = Donghu();
        var page = $"/demands/categories?streetId={streetId}";
        var street = await app.PagesAs("street");
        var html = await street.GetStringAsync("/demands/categories");
        Assert.Contains("诉求类别", html);
        Assert.Contains("环境卫生", html);
        Assert.Contains("新增类别", html);
        var before = app.WithDb(db => db.DemandCategories.Count(c => c.StreetId == streetId));

        // Bad input: a clear Chinese message for each field, nothing saved.
        var bad = await LianxinApp.PostFormAsync(street, $"/demands/categories?handler=Create&streetId={streetId}", Form("", hours: "0", days: "61"), page);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写类别名称。", badHtml);
        Assert.Contains("响应时限须在 1–240 个工作小时之间。", badHtml);
        Assert.Contains("办结时限须在 1–60 个工作日之间。", badHtml);
        var duplicate = await LianxinApp.PostFormAsync(street, $"/demands/categories?handler=Create&streetId={streetId}", Form("环境卫生"), page);
        Assert.Contains("该街道已有同名类别", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(before, app.WithDb(db => db.DemandCategories.Count(c => c.StreetId == streetId)));

        // Add.
        var name = "噪音扰民" + Guid.NewGuid().ToString("N")[..4];
        var added = await LianxinApp.PostFormAsync(street, $"/demands/categories?handler=Create&streetId={streetId}", Form(name, "Grid", "4", "3"), page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var category = app.WithDb(db => db.DemandCategories.Single(c => c.StreetId == streetId && c.Name == name));
        Assert.Equal((DemandLevel.Grid, 4.0, 3, true), (category.DefaultLevel, category.ResponseHours, category.ResolveDays, category.Active));
        Assert.Contains(name, await street.GetStringAsync(page));

        // Edit: the form comes filled in; a bad value is refused, a good one saved.
        var edit = await street.GetStringAsync($"{page}&edit={category.Id}");
        Assert.Contains("编辑类别", edit);
        Assert.Contains($"value=\"{name}\"", edit);
        var editUrl = $"/demands/categories?handler=Update&streetId={streetId}&id={category.Id}";
        var badEdit = await LianxinApp.PostFormAsync(street, editUrl, Form(name, days: "0"), $"{page}&edit={category.Id}");
        Assert.Contains("办结时限须在 1–60 个工作日之间。", await badEdit.Content.ReadAsStringAsync());
        Assert.Equal(3, app.WithDb(db => db.DemandCategories.Single(c => c.Id == category.Id).ResolveDays));
        var saved = await LianxinApp.PostFormAsync(street, editUrl, Form(name, "Community", "6", "7"), $"{page}&edit={category.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edited = app.WithDb(db => db.DemandCategories.Single(c => c.Id == category.Id));
        Assert.Equal((DemandLevel.Community, 6.0, 7, true), (edited.DefaultLevel, edited.ResponseHours, edited.ResolveDays, edited.Active));

        // Disabling asks first (the form carries the confirmation), and the category leaves the residents' list.
        html = await street.GetStringAsync(page);
        Assert.Contains("确定要停用该类别吗？", html);
        var disable = await LianxinApp.PostFormAsync(street, $"/demands/categories?handler=Active&streetId={streetId}&id={category.Id}&active=false", [], page);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.False(app.WithDb(db => db.DemandCategories.Single(c => c.Id == category.Id).Active));
        var api = await app.ApiAs("street");
        var offered = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands/categories?streetId={streetId}");
        Assert.DoesNotContain(offered.EnumerateArray(), c => c.GetProperty("name").GetString() == name);
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands/categories?streetId={streetId}&all=true");
        Assert.False(all.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("active").GetBoolean());
        Assert.DoesNotContain(name, await (app.CreateClient()).GetStringAsync($"/public/demands/new?community={app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委").Id)}"));

        var enable = await LianxinApp.PostFormAsync(street, $"/demands/categories?handler=Active&streetId={streetId}&id={category.Id}&active=true", [], page);
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.True(app.WithDb(db => db.DemandCategories.Single(c => c.Id == category.Id).Active));
    }

    [Fact]
    public async Task The_api_edits_a_category_with_the_same_rules_and_community_staff_cannot()
    {
        var streetId = Donghu();
        var api = await app.ApiAs("street");
        var name = "占道经营" + Guid.NewGuid().ToString("N")[..4];
        var created = await api.PostAsJsonAsync("/api/v1/demands/categories", new { streetId, name, defaultLevel = "Grid", responseHours = 4, resolveDays = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var bad = await api.PutAsJsonAsync($"/api/v1/demands/categories/{id}", new { name = "", defaultLevel = "Grid", responseHours = 300, resolveDays = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写类别名称。", problem);
        Assert.Contains("响应时限须在 1–240 个工作小时之间。", problem);
        var clash = await api.PutAsJsonAsync($"/api/v1/demands/categories/{id}", new { name = "物业管理", defaultLevel = "Grid", responseHours = 4, resolveDays = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Equal(name, app.WithDb(db => db.DemandCategories.Single(c => c.Id == id).Name));

        var ok = await api.PutAsJsonAsync($"/api/v1/demands/categories/{id}", new { name, defaultLevel = "Street", responseHours = 8, resolveDays = 10, active = false });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Street", body.GetProperty("defaultLevel").GetString());
        Assert.False(body.GetProperty("active").GetBoolean());

        // A community's staff do not see the street's categories to manage: 404 on the API, access denied on the page.
        var secretary = await app.ApiAs("secretary");
        var theirs = await secretary.PutAsJsonAsync($"/api/v1/demands/categories/{id}", new { name = "改名", defaultLevel = "Grid", responseHours = 4, resolveDays = 2 });
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        var refused = await (await app.PagesAs("secretary")).GetAsync("/demands/categories");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString());
        Assert.Equal(name, app.WithDb(db => db.DemandCategories.Single(c => c.Id == id).Name));
    }
}
