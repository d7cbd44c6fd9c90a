using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Demands;

/// <summary>
/// A street's own demand rules (extra days per level, satisfaction points, reopens): defaults 2 / 100 / 80 / 1, set by street
/// staff on the categories page or through the API, and demands follow them. Each test puts the defaults back.
/// </summary>
[Collection(AppCollection.Name)]
public class StreetSettingsTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    /// <summary>Saves the rules as an editor who just read them would: with the version they read.</summary>
    static async Task<HttpResponseMessage> Put(HttpClient api, string url, int days, int satisfied, int basically, int reopens) =>
        await api.PutAsJsonAsync(url, new { extraResolveDaysPerLevel = days, satisfiedWeight = satisfied, basicallySatisfiedWeight = basically, maxReopens = reopens,
            version = await Version(api, url) });

    static async Task<int> Version(HttpClient api, string url) => (await api.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();

    static Task<HttpResponseMessage> PutDefaults(HttpClient api, string url) => Put(api, url, 2, 100, 80, 1);

    (Guid Street, Guid Community, Guid Compound, Guid Category) Heping() => app.WithDb(db =>
    {
        var c = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        var gridUser = db.Users.First(u => u.UserName == "grid");
        var gridBranch = db.RoleGrants.First(g => g.UserId == gridUser.Id).OrgUnitId;
        var grid = db.Grids.First(g => g.BranchId == gridBranch);
        return (c.ParentId!.Value, c.Id, db.Compounds.First(x => x.GridId == grid.Id && x.BranchId == null).Id,
            db.DemandCategories.First(x => x.StreetId == c.ParentId && x.Name == "环境卫生").Id);
    });

    async Task<(Guid Id, string Ticket)> File((Guid Street, Guid Community, Guid Compound, Guid Category) p, string phone)
    {
        var r = await app.CreateClient().PostAsJsonAsync("/api/v1/public/demands", new
        {
            communityId = p.Community, categoryId = p.Category, compoundId = p.Compound, description = "楼道堆放杂物多日无人清理。", contactName = "规则测试居民", contactPhone = phone,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var j = await Json(r);
        return (j.GetProperty("id").GetGuid(), j.GetProperty("ticketNo").GetString()!);
    }

    static async Task Act(HttpClient api, Guid id, string action, string note)
    {
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("version").GetInt32();
        var r = await api.PostAsJsonAsync($"/api/v1/demands/{id}/steps", new { action, note, version });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Street_staff_read_and_set_the_rules_and_bad_values_are_refused_in_Chinese()
    {
        var p = Heping();
        var url = $"/api/v1/demands/streets/{p.Street}/settings";
        var street = await app.ApiAs("street");
        var now = await street.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((2, 100, 80, 1), (now.GetProperty("extraResolveDaysPerLevel").GetInt32(), now.GetProperty("satisfiedWeight").GetInt32(),
            now.GetProperty("basicallySatisfiedWeight").GetInt32(), now.GetProperty("maxReopens").GetInt32()));

        var bad = await street.PutAsJsonAsync(url, new { extraResolveDaysPerLevel = 11, satisfiedWeight = 90, basicallySatisfiedWeight = 95, maxReopens = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var why = await bad.Content.ReadAsStringAsync();
        Assert.Contains("每上升一级增加的办结时限须在 0 到 10 个工作日之间。", why);
        Assert.Contains("“基本满意”的分值须在 0 到“满意”的分值之间。", why);
        Assert.Contains("不满意重新办理的次数须在 0 到 5 次之间。", why);
        Assert.Equal(2, (await street.GetFromJsonAsync<JsonElement>(url)).GetProperty("extraResolveDaysPerLevel").GetInt32());

        // The street lies outside a community secretary's scope: not found, read or write.
        var secretary = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync(url, new { extraResolveDaysPerLevel = 2, satisfiedWeight = 100, basicallySatisfiedWeight = 80, maxReopens = 1 })).StatusCode);

        // On the categories page: shown, and saved by street staff.
        var pages = await app.PagesAs("street");
        var page = $"/demands/categories?streetId={p.Street}";
        Assert.Contains("本街道的诉求规则", await pages.GetStringAsync(page));
        try
        {
            var badForm = await LianxinApp.PostFormAsync(pages, $"/demands/categories?handler=Rules&streetId={p.Street}", new()
            {
                ["Rules.ExtraResolveDaysPerLevel"] = "3", ["Rules.SatisfiedWeight"] = "0", ["Rules.BasicallySatisfiedWeight"] = "0", ["Rules.MaxReopens"] = "1",
            }, page);
            Assert.Contains("“满意”的分值须在 1 到 100 之间。", await badForm.Content.ReadAsStringAsync());
            var saved = await LianxinApp.PostFormAsync(pages, $"/demands/categories?handler=Rules&streetId={p.Street}", new()
            {
                ["Rules.ExtraResolveDaysPerLevel"] = "3", ["Rules.SatisfiedWeight"] = "100", ["Rules.BasicallySatisfiedWeight"] = "60", ["Rules.MaxReopens"] = "2",
                ["Rules.Version"] = (await Version(street, url)).ToString(),
            }, page);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(60, (await street.GetFromJsonAsync<JsonElement>(url)).GetProperty("basicallySatisfiedWeight").GetInt32());
            Assert.Contains("value=\"60\"", await pages.GetStringAsync(page));
        }
        finally { (await PutDefaults(street, url)).EnsureSuccessStatusCode(); }
    }

    [Fact]
    public async Task Two_dispatchers_saving_the_same_version_the_later_gets_409_and_the_first_save_stands()
    {
        var p = Heping();
        var url = $"/api/v1/demands/streets/{p.Street}/settings";
        var street = await app.ApiAs("street");
        var read = await Version(street, url);
        try
        {
            var first = await street.PutAsJsonAsync(url, new { extraResolveDaysPerLevel = 4, satisfiedWeight = 100, basicallySatisfiedWeight = 70, maxReopens = 1, version = read });
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var second = await street.PutAsJsonAsync(url, new { extraResolveDaysPerLevel = 1, satisfiedWeight = 100, basicallySatisfiedWeight = 90, maxReopens = 1, version = read });
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains("该记录已被他人修改，请刷新后重试。", await second.Content.ReadAsStringAsync());
            var now = await street.GetFromJsonAsync<JsonElement>(url);
            Assert.Equal((4, 70), (now.GetProperty("extraResolveDaysPerLevel").GetInt32(), now.GetProperty("basicallySatisfiedWeight").GetInt32()));
            Assert.Equal(read + 1, now.GetProperty("version").GetInt32());
        }
        finally { (await PutDefaults(street, url)).EnsureSuccessStatusCode(); }
    }

    [Fact]
    public async Task Changed_rules_change_due_dates_reopening_and_the_satisfaction_score()
    {
        var p = Heping();
        var url = $"/api/v1/demands/streets/{p.Street}/settings";
        var street = await app.ApiAs("street");
        var grid = await app.ApiAs("grid");
        try
        {
            // No extra days per level, then ten: the same escalation is due two weeks later or more.
            async Task<DateTime> DueAfterEscalation(int extraDays, string phone)
            {
                (await Put(street, url, extraDays, 100, 80, 1)).EnsureSuccessStatusCode();
                var (id, _) = await File(p, phone);
                await Act(grid, id, "Escalate", "需社区协调。");
                return (await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/{id}")).GetProperty("resolveDueAt").GetDateTime();
            }
            var plain = await DueAfterEscalation(0, "13800002001");
            var longer = await DueAfterEscalation(10, "13800002002");
            Assert.True(longer - plain >= TimeSpan.FromDays(14), $"{plain:o} → {longer:o}");

            // No reopening: the first 不满意 closes the demand.
            (await Put(street, url, 2, 100, 50, 0)).EnsureSuccessStatusCode();
            var (rated, ticket) = await File(p, "13800002003");
            await Act(grid, rated, "Accept", "已受理。");
            await Act(grid, rated, "Resolve", "已清理。");
            var unhappy = await app.CreateClient().PostAsJsonAsync($"/api/v1/public/demands/{ticket}/rating?phoneTail=2003", new { rating = "Unsatisfied", note = "没清干净。" });
            Assert.Equal("Closed", (await Json(unhappy)).GetProperty("state").GetString());

            // The street's figures weigh 基本满意 at 50 points.
            var sat = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/demands/figures?unitId={p.Street}")).GetProperty("satisfaction");
            int s = sat.GetProperty("satisfied").GetInt32(), b = sat.GetProperty("basically").GetInt32(), u = sat.GetProperty("unsatisfied").GetInt32();
            Assert.Equal(Math.Round((s * 100.0 + b * 50.0) / (s + b + u), 1), sat.GetProperty("score").GetDouble());
        }
        finally { (await PutDefaults(street, url)).EnsureSuccessStatusCode(); }
    }
}
