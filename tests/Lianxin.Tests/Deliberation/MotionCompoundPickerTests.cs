using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Deliberation;

/// <summary>
/// The motion form's compound picker (issue 15: the form listed every compound in scope, 6,000 for a district admin at size L):
/// find a compound where one may raise a motion by part of its name, a page at a time, and raise the motion there.
/// </summary>
[Collection(AppCollection.Name)]
public class MotionCompoundPickerTests(LianxinApp app)
{
    async Task<Outcome<CompoundChoicePage>> SearchAsync(string userName, SearchMotionCompounds.Query query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.SignInAsAsync(userName);
        return await SearchMotionCompounds.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<PlaceDirectory>(),
            sp.GetRequiredService<OrgDirectory>(), query, default);
    }

    /// <summary>The first compound of 和平社区 and of 幸福社区, by name.</summary>
    (Compound Heping, Compound Xingfu) Compounds() => app.WithDb(db =>
    {
        var heping = db.OrgUnits.Single(u => u.ShortName == "和平社区党委");
        var xingfu = db.OrgUnits.Single(u => u.ShortName == "幸福社区党委");
        return (db.Compounds.Where(c => c.CommunityId == heping.Id).OrderBy(c => c.Name).First(),
            db.Compounds.Where(c => c.CommunityId == xingfu.Id).OrderBy(c => c.Name).First());
    });

    [Fact]
    public async Task A_community_secretary_finds_only_compounds_of_their_community_the_district_admin_any_and_a_resident_is_refused()
    {
        var (heping, xingfu) = Compounds();
        var mine = (await SearchAsync("secretary", new("", Limit: CompoundChoices.MaxLimit))).Value!.Items;
        Assert.NotEmpty(mine);
        Assert.All(mine, c => Assert.StartsWith("东湖街道 / 和平社区 / ", c.Trail));
        var hit = Assert.Single((await SearchAsync("secretary", new(heping.Name))).Value!.Items, c => c.Id == heping.Id);
        Assert.EndsWith($" / {heping.Name}", hit.Trail);
        Assert.DoesNotContain((await SearchAsync("secretary", new(xingfu.Name))).Value!.Items, c => c.Id == xingfu.Id);
        Assert.Contains((await SearchAsync("admin", new(xingfu.Name))).Value!.Items, c => c.Id == xingfu.Id);
        Assert.Equal(OutcomeKind.Forbidden, (await SearchAsync("resident", new(""))).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await SearchAsync("reviewer", new(""))).Kind);
    }

    [Fact]
    public async Task A_compound_seen_through_a_role_without_Raise_is_not_offered()
    {
        // A member at 和平社区 who also sits as a reviewer at 幸福社区: both communities' compounds are in their scope, but only
        // 和平社区's are places where they may raise a motion.
        var (heping, xingfu) = Compounds();
        const string name = "motion-twohats";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (hepingUnit, xingfuUnit) = app.WithDb(db => (db.OrgUnits.Single(u => u.Id == heping.CommunityId), db.OrgUnits.Single(u => u.Id == xingfu.CommunityId)));
            var user = new AppUser { UserName = name, DisplayName = "两个身份", TenantId = hepingUnit.TenantId };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, Lianxin.Web.Demo.DemoSetup.Password)).Succeeded);
            app.WithDb(db =>
            {
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.Member, OrgUnitId = hepingUnit.Id, OrgPath = hepingUnit.Path });
                db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.Reviewer, OrgUnitId = xingfuUnit.Id, OrgPath = xingfuUnit.Path });
                return db.SaveChanges();
            });
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.SignInAsAsync(name);
            var seen = await scope.ServiceProvider.GetRequiredService<PlaceDirectory>().SearchInScopeAsync(xingfu.Name, null, null, 50, default);
            Assert.Contains(seen, c => c.Id == xingfu.Id); // the reviewer's grant shows it
        }
        Assert.DoesNotContain((await SearchAsync(name, new(xingfu.Name))).Value!.Items, c => c.Id == xingfu.Id);
        Assert.Contains((await SearchAsync(name, new(heping.Name))).Value!.Items, c => c.Id == heping.Id);
    }

    [Theory]
    [InlineData("q", "查找的小区名称不能超过 30 个字符。")]
    [InlineData("limit", "每次返回的条数须在 1 到 50 之间。")]
    [InlineData("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。")]
    public async Task Bad_input_is_refused_with_a_Chinese_message_naming_the_field(string field, string message)
    {
        // A cursor of the member form's compound search is not a cursor of this list.
        string memberCursor;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.SignInAsAsync("admin");
            memberCursor = (await Lianxin.Web.Modules.Members.Features.SearchCompoundChoices.HandleAsync(sp.GetRequiredService<LianxinDb>(),
                sp.GetRequiredService<PlaceDirectory>(), sp.GetRequiredService<OrgDirectory>(), new("", Limit: 1), default)).Value!.Next!;
        }
        SearchMotionCompounds.Query query = field switch
        {
            "q" => new(new string('园', 31)),
            "limit" => new("园", Limit: 51),
            _ => new("园", Cursor: memberCursor),
        };
        var outcome = await SearchAsync("admin", query);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(message, Assert.Single(outcome.Errors![field]));
    }

    [Fact]
    public async Task The_endpoint_answers_the_pickers_shape_403_without_raise_and_400_naming_the_field()
    {
        var (heping, _) = Compounds();
        var member = await app.ApiAs("secretary");
        var page = await member.GetFromJsonAsync<JsonElement>($"/api/v1/deliberation/compound-choices?q={Uri.EscapeDataString(heping.Name)}&limit=5");
        Assert.Equal(["items", "next"], page.EnumerateObject().Select(p => p.Name));
        var item = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == heping.Id);
        Assert.Equal(["id", "name", "trail"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/deliberation/compound-choices")).StatusCode);
        var bad = await member.GetAsync("/api/v1/deliberation/compound-choices?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("每次返回的条数须在 1 到 50 之间。", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task The_form_lists_a_few_compounds_a_search_narrows_them_and_the_chosen_one_stays()
    {
        var (heping, xingfu) = Compounds();
        var admin = await app.PagesAs("admin");
        var all = app.WithDb(db => db.Compounds.Count());
        Assert.True(all > 21, $"the demo district has {all} compounds");
        // Before the picker the select listed every compound in scope.
        Assert.InRange(Options(await admin.GetStringAsync("/deliberation/new"), "Input.CompoundId"), 2, 21);
        var found = await admin.GetStringAsync($"/deliberation/new?compoundq={Uri.EscapeDataString(xingfu.Name)}");
        Assert.Matches($"东湖街道 / 幸福社区 / (\\S+ / )?{xingfu.Name}<", found);
        Assert.True(Options(found, "Input.CompoundId") < 21);
        Assert.Contains("没有找到匹配的小区", await admin.GetStringAsync("/deliberation/new?compoundq=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA"));
        // ?compound= (from a compound's page) keeps that compound chosen whatever the first matches are.
        var chosen = await admin.GetStringAsync($"/deliberation/new?compound={xingfu.Id}&compoundq={Uri.EscapeDataString(heping.Name)}");
        Assert.Contains($"<option value=\"{xingfu.Id}\" selected=\"selected\"", chosen);
        // A compound outside the secretary's scope is not offered as chosen.
        var secretary = await (await app.PagesAs("secretary")).GetStringAsync($"/deliberation/new?compound={xingfu.Id}");
        Assert.DoesNotContain(xingfu.Id.ToString(), secretary);
    }

    [Fact]
    public async Task Without_JavaScript_a_search_posts_the_form_back_with_what_was_typed_then_the_motion_is_raised_at_the_chosen_compound()
    {
        var (heping, xingfu) = Compounds();
        var secretary = await app.PagesAs("secretary");
        var title = "停车位划线" + Random.Shared.Next(1000, 9999);
        var fields = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Description"] = "小区停车位不够，建议重新划线。", ["compoundq"] = heping.Name };
        var searched = await LianxinApp.PostFormAsync(secretary, "/deliberation/new?handler=Search", fields, "/deliberation/new");
        Assert.Equal(HttpStatusCode.OK, searched.StatusCode);
        var html = await searched.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{title}\"", html);
        Assert.Contains("小区停车位不够，建议重新划线。</textarea>", html);
        Assert.Matches($"<option value=\"{heping.Id}\"[^>]*>东湖街道 / 和平社区 / (\\S+ / )?{heping.Name}<", html);
        // A search is not a save: no error shown, no motion.
        Assert.DoesNotContain("请选择小区。", html);
        Assert.False(app.WithDb(db => db.Motions.Any(m => m.Title == title)));

        // Raising without a compound still says so; outside the scope is still refused; then it is raised where chosen.
        fields.Remove("compoundq");
        var missing = await LianxinApp.PostFormAsync(secretary, "/deliberation/new", new(fields), "/deliberation/new");
        Assert.Contains("请选择小区。", await missing.Content.ReadAsStringAsync());
        var outside = await LianxinApp.PostFormAsync(secretary, "/deliberation/new", new(fields) { ["Input.CompoundId"] = xingfu.Id.ToString() }, "/deliberation/new");
        Assert.Contains("请选择您辖区内的小区。", await outside.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Motions.Any(m => m.Title == title)));
        var raised = await LianxinApp.PostFormAsync(secretary, "/deliberation/new", new(fields) { ["Input.CompoundId"] = heping.Id.ToString() }, "/deliberation/new");
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(heping.Id, app.WithDb(db => db.Motions.Single(m => m.Title == title).CompoundId));
    }

    static int Options(string html, string field)
    {
        var start = html.IndexOf($"name=\"{field}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        return Regex.Matches(html[start..end], "<option ").Count;
    }
}
