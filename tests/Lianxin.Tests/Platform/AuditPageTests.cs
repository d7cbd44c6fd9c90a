using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Audit.Pages;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Identity.Users;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class AuditPageTests(LianxinApp app)
{
    [Fact]
    public async Task The_audit_page_lists_entries_newest_first_with_readable_changes()
    {
        var user = await UsersApiTests.CreateAsync(await app.ApiAs("secretary"), UsersApiTests.NewName("au"), Role.Member, UsersApiTests.UnitOf(app, "secretary"), "审计 对象");
        var client = await app.PagesAs("admin");
        var html = await client.GetStringAsync($"/audit?entity=AppUser&entityId={user.Id}");
        Assert.Contains("新增", html);
        Assert.Contains("DisplayName", html);
        Assert.Contains("变更前", html);
        Assert.DoesNotContain("PasswordHash", html);

        var all = await client.GetStringAsync("/audit");
        var seqs = System.Text.RegularExpressions.Regex.Matches(all, "data-seq=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.True(seqs.Count > 1);
        Assert.Equal(seqs.OrderDescending(), seqs);
    }

    /// <summary>Issue 16: the Chinese page showed "Demand（Demand）" and "CreatedAt"; every record and field the log can hold reads in Chinese.</summary>
    [Fact]
    public void Every_record_and_field_the_log_can_hold_has_a_Chinese_name_and_an_English_one()
    {
        var names = app.WithDb(db => db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } t && !t.StartsWith("aud_"))
            .Select(e => (Entity: e.ClrType.Name, Fields: e.GetProperties().Select(p => p.Name).ToList())).ToList());
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("zh-CN");
            // Plus the records written by hand: a unit's move (UnitLifecycles), security events (SecurityLog) and a members
            // import (ImportMembers), whose fields are camel-case JSON.
            var latin = names.Select(n => n.Entity).Concat(["OrgUnitMove", "Account"]).Select(e => (e, AuditNames.Entity(e)))
                .Concat(names.SelectMany(n => n.Fields).Concat(["path", "rows", "import", "imported", "skipped", "rejected", "members"])
                    .Distinct().Select(f => (f, AuditNames.Field(f))))
                .Where(x => System.Text.RegularExpressions.Regex.Replace(x.Item2, "IP|ID|Open311", "").Any(char.IsAsciiLetter))
                .Select(x => $"{x.Item1} → {x.Item2}").Distinct().ToList();
            Assert.True(latin.Count == 0, string.Join("\n", latin));
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            Assert.Equal("Created at", AuditNames.Field("CreatedAt"));
            Assert.Equal("Rows", AuditNames.Field("rows"));
            Assert.Equal("Demand step", AuditNames.Entity("DemandStep"));
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = culture; }
    }

    [Fact]
    public async Task Filters_narrow_the_entries()
    {
        var name = UsersApiTests.NewName("af");
        var user = await UsersApiTests.CreateAsync(await app.ApiAs("secretary"), name, Role.Member, UsersApiTests.UnitOf(app, "secretary"));
        var api = await app.ApiAs("admin");

        var byEntity = await api.GetFromJsonAsync<PageOf<AuditEntryDto>>($"/api/v1/audit/entries?entity=AppUser&entityId={user.Id}");
        Assert.Equal("Insert", Assert.Single(byEntity!.Items).Action);

        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "not-the-one-1" });
        var failed = await api.GetFromJsonAsync<PageOf<AuditEntryDto>>($"/api/v1/audit/entries?action=SignInFailed&user={name}");
        Assert.Single(failed!.Items);
        Assert.All(failed.Items, e => Assert.Equal("SignInFailed", e.Action));

        var today = DateOnly.FromDateTime(ChinaTime.ToBeijing(DateTime.UtcNow));
        var inRange = await api.GetFromJsonAsync<PageOf<AuditEntryDto>>($"/api/v1/audit/entries?entityId={user.Id}&action=Insert&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(1, inRange!.Total);
        var future = await api.GetFromJsonAsync<PageOf<AuditEntryDto>>($"/api/v1/audit/entries?entityId={user.Id}&action=Insert&from={today.AddDays(2):yyyy-MM-dd}");
        Assert.Equal(0, future!.Total);

        var paged = await api.GetFromJsonAsync<PageOf<AuditEntryDto>>("/api/v1/audit/entries?page=2&pageSize=3");
        Assert.Equal(3, paged!.Items.Count);
        Assert.True(paged.Total > 6);

        var backwards = await api.GetAsync($"/api/v1/audit/entries?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("开始日期不能晚于结束日期", await backwards.Content.ReadAsStringAsync());

        var page = await (await app.PagesAs("admin")).GetStringAsync($"/audit?action=SignInFailed&user={name}");
        Assert.Contains("登录失败", page);
        Assert.Contains("共 1 条", page);

        var second = await (await app.PagesAs("admin")).GetStringAsync("/audit?pageSize=2&page=2");
        Assert.Contains("第 2 /", second);
        Assert.DoesNotContain("is not valid", second);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(second, "data-seq=").Count);
    }

    [Fact]
    public async Task The_verify_button_reports_an_intact_chain_and_finds_a_tampered_entry()
    {
        // Its own entry to tamper with, so the test does not depend on what other classes wrote before it.
        var user = await UsersApiTests.CreateAsync(await app.ApiAs("secretary"), UsersApiTests.NewName("av"), Role.Member, UsersApiTests.UnitOf(app, "secretary"), "审计 校验");
        var client = await app.PagesAs("admin");
        var ok = await LianxinApp.PostFormAsync(client, "/audit?handler=Verify", new(), "/audit");
        var okHtml = await ok.Content.ReadAsStringAsync();
        Assert.Matches("审计链完整（共 \\d+ 条）", okHtml);

        var victim = app.WithDb(db => db.AuditEntries.First(e => e.Entity == "AppUser" && e.EntityId == user.Id.ToString()));
        app.WithDb(db => db.Database.ExecuteSql($"UPDATE aud_entries SET \"EntityId\" = 'forged' WHERE \"Id\" = {victim.Id}"));
        try
        {
            var broken = await LianxinApp.PostFormAsync(client, "/audit?handler=Verify", new(), "/audit");
            var html = await broken.Content.ReadAsStringAsync();
            Assert.Contains($"审计链在第 {victim.Seq} 条处断开", html);
            Assert.Contains(victim.Id.ToString(), html);
            Assert.Contains("记录被改动", html);
        }
        finally
        {
            app.WithDb(db => db.Database.ExecuteSql($"UPDATE aud_entries SET \"EntityId\" = {victim.EntityId} WHERE \"Id\" = {victim.Id}"));
        }
        var again = await LianxinApp.PostFormAsync(client, "/audit?handler=Verify", new(), "/audit");
        Assert.Contains("审计链完整", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_denied_page_request_is_logged()
    {
        var client = await app.PagesAs("secretary");
        var marker = Guid.NewGuid().ToString("N");
        var response = await client.GetAsync($"/audit?user={marker}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
        var entry = app.WithDb(db => db.AuditEntries.Single(e => e.Action == AuditAction.AccessDenied && e.After!.Contains(marker)));
        Assert.Equal("secretary", entry.UserName);
        Assert.Contains("GET /audit", entry.After);
    }

    [Fact]
    public async Task A_denied_api_request_is_logged_and_the_chain_stays_intact()
    {
        var api = await app.ApiAs("secretary");
        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/audit/entries?user={marker}")).StatusCode);
        var entry = app.WithDb(db => db.AuditEntries.Single(e => e.Action == AuditAction.AccessDenied && e.After!.Contains(marker)));
        Assert.Equal("secretary", entry.UserName);

        // A rule refusal with a ProblemDetails body is a 403 too.
        var staff = await app.ApiAs("secretary");
        await staff.PostAsJsonAsync("/api/v1/users", new { userName = "x" + marker[..8], displayName = "x", password = UsersApiTests.Password, role = "DistrictAdmin", orgUnitId = UsersApiTests.UnitOf(app, "secretary") });
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditAction.AccessDenied && e.After == "POST /api/v1/users" && e.UserName == "secretary")));

        var report = await (await app.ApiAs("admin")).GetFromJsonAsync<ChainReport>("/api/v1/audit/verify");
        Assert.True(report!.Intact, report.FirstBreak?.Reason);
    }
}
