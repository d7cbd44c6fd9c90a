using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Organizations.Data;

namespace Lianxin.Tests.Deliberation;

/// <summary>The street sets what counts as a 红色业委会 on a page and sees at once which committees count; bad input changes nothing.</summary>
[Collection(AppCollection.Name)]
public class RedRulePageTests(LianxinApp app)
{
    const string Page = "/deliberation/red-rule";

    static (int Red, int Committees) Count(string html)
    {
        var m = Regex.Match(html, @"data-red-count>(\d+) / (\d+)<");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    (int, bool)? Stored(Guid street) => app.WithDb(db => db.RedCommitteeRules.Where(r => r.StreetId == street).Select(r => new { r.MinPartyPercent, r.RequireBranchLead }).ToList())
        .Select(r => ((int, bool)?)(r.MinPartyPercent, r.RequireBranchLead)).SingleOrDefault();

    [Fact]
    public async Task The_street_edits_the_rule_and_the_page_shows_which_committees_count_as_red()
    {
        var street = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "东湖街道党工委").Id);
        var page = await app.PagesAs("street");
        var before = Stored(street);
        try
        {
            var bad = await LianxinApp.PostFormAsync(page, Page, new() { ["Input.MinPartyPercent"] = "", ["Input.RequireBranchLead"] = "false" });
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("请填写党员占比（0–100 的整数）。", await bad.Content.ReadAsStringAsync());
            var api = await app.ApiAs("street");
            var over = await api.PutAsJsonAsync($"/api/v1/deliberation/streets/{street}/red-rule", new { minPartyPercent = 120, requireBranchLead = false });
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            Assert.Contains("党员占比须在 0–100 之间。", await over.Content.ReadAsStringAsync());
            Assert.Equal(before, Stored(street));

            var loose = await LianxinApp.PostFormAsync(page, Page, new() { ["Input.MinPartyPercent"] = "0", ["Input.RequireBranchLead"] = "false" });
            Assert.Equal(HttpStatusCode.Redirect, loose.StatusCode);
            var (red, all) = Count(await page.GetStringAsync(loose.Headers.Location!.ToString()));
            Assert.True(all >= 2);
            Assert.Equal(all, red);

            var strict = await LianxinApp.PostFormAsync(page, Page, new() { ["Input.MinPartyPercent"] = "100", ["Input.RequireBranchLead"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, strict.StatusCode);
            var html = await page.GetStringAsync(strict.Headers.Location!.ToString());
            Assert.Contains("已保存认定标准。按新标准", html);
            Assert.True(Count(html).Red < all);
            Assert.Equal((100, true), Stored(street));
        }
        finally
        {
            // The demo's other tests read red committees by the default rule.
            await (await app.ApiAs("street")).PutAsJsonAsync($"/api/v1/deliberation/streets/{street}/red-rule", new { minPartyPercent = 50, requireBranchLead = true });
        }
    }

    [Fact]
    public async Task A_community_cannot_set_the_streets_rule_nor_open_the_page()
    {
        var street = app.WithDb(db => db.OrgUnits.Single(u => u.ShortName == "东湖街道党工委").Id);
        var before = Stored(street);
        var secretary = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PutAsJsonAsync($"/api/v1/deliberation/streets/{street}/red-rule", new { minPartyPercent = 10, requireBranchLead = false })).StatusCode);
        Assert.Contains("/account/access-denied", (await (await app.PagesAs("secretary")).GetAsync(Page)).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.PagesAs("street")).GetAsync($"{Page}?streetId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(before, Stored(street));
    }
}
