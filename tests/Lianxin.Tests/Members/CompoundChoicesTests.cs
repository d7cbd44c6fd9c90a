using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

/// <summary>The member form's residence picker (issue 15: a district has thousands of compounds): find a compound by part of its name, within one's scope, a page at a time.</summary>
[Collection(AppCollection.Name)]
public class CompoundChoicesTests(LianxinApp app)
{
    async Task<Outcome<CompoundChoicePage>> SearchAsync(string userName, SearchCompoundChoices.Query query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.SignInAsAsync(userName);
        return await SearchCompoundChoices.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<PlaceDirectory>(),
            sp.GetRequiredService<OrgDirectory>(), query, default);
    }

    /// <summary>A compound of 和平社区 and one of 幸福社区, by name.</summary>
    (Compound Heping, Compound Xingfu) Compounds()
    {
        var (heping, xingfu, _, _) = new MemberRosterTests(app).Units();
        return app.WithDb(db => (db.Compounds.Where(c => c.CommunityId == heping.Id).OrderBy(c => c.Name).First(),
            db.Compounds.Where(c => c.CommunityId == xingfu.Id).OrderBy(c => c.Name).First()));
    }

    [Fact]
    public async Task Typing_part_of_a_name_finds_the_compounds_that_contain_it_with_the_community_they_lie_in()
    {
        var (heping, _) = Compounds();
        var found = (await SearchAsync("admin", new(heping.Name[..2]))).Value!.Items;
        Assert.All(found, c => Assert.Contains(heping.Name[..2], c.Name));
        var hit = Assert.Single(found, c => c.Id == heping.Id);
        // The places above it as people say them, down to the grid branch that answers for it when there is one.
        Assert.StartsWith("东湖街道 / 和平社区 / ", hit.Trail);
        Assert.EndsWith($" / {heping.Name}", hit.Trail);
        Assert.Empty((await SearchAsync("admin", new("没有这个名字的小区"))).Value!.Items);
    }

    [Fact]
    public async Task A_community_secretary_finds_only_compounds_of_their_own_community_and_a_resident_none()
    {
        var (_, xingfu) = Compounds();
        var found = (await SearchAsync("secretary", new("", Limit: SearchUnitChoices.MaxLimit))).Value!.Items;
        Assert.NotEmpty(found);
        Assert.All(found, c => Assert.StartsWith("东湖街道 / 和平社区 / ", c.Trail));
        Assert.DoesNotContain((await SearchAsync("secretary", new(xingfu.Name))).Value!.Items, c => c.Id == xingfu.Id);
        Assert.Equal(OutcomeKind.Forbidden, (await SearchAsync("resident", new(""))).Kind);
    }

    [Fact]
    public async Task Results_come_a_page_at_a_time_in_tree_order_without_repeats()
    {
        var first = (await SearchAsync("admin", new("", Limit: 3))).Value!;
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.Next);
        var second = (await SearchAsync("admin", new("", Cursor: first.Next, Limit: 3))).Value!;
        Assert.Equal(3, second.Items.Count);
        var both = (await SearchAsync("admin", new("", Limit: 6))).Value!.Items.Select(c => c.Id);
        Assert.Equal(both, first.Items.Concat(second.Items).Select(c => c.Id));

        var (heping, _) = Compounds();
        Assert.Null((await SearchAsync("secretary", new(heping.Name, Limit: SearchUnitChoices.MaxLimit))).Value!.Next);
    }

    [Theory]
    [InlineData("q", "查找的小区名称不能超过 30 个字符。")]
    [InlineData("limit", "每次返回的条数须在 1 到 50 之间。")]
    [InlineData("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。")]
    public async Task Bad_input_is_refused_with_a_Chinese_message_naming_the_field(string field, string message)
    {
        // A cursor of the unit search is not a cursor of this list.
        string unitCursor;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.SignInAsAsync("admin");
            unitCursor = (await SearchUnitChoices.HandleAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>(),
                scope.ServiceProvider.GetRequiredService<OrgDirectory>(), new("", Limit: 1), default)).Value!.Next!;
        }
        SearchCompoundChoices.Query query = field switch
        {
            "q" => new(new string('园', 31)),
            "limit" => new("园", Limit: 0),
            _ => new("园", Cursor: unitCursor),
        };
        var outcome = await SearchAsync("admin", query);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(message, Assert.Single(outcome.Errors![field]));
    }

    [Fact]
    public async Task The_endpoint_answers_names_and_trails_only_403_without_the_permission_and_400_for_bad_input()
    {
        var (heping, _) = Compounds();
        var secretary = await app.ApiAs("secretary");
        var page = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/members/compounds?q={Uri.EscapeDataString(heping.Name)}");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == heping.Id);
        Assert.Equal(["id", "name", "trail"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/members/compounds")).StatusCode);
        var bad = await secretary.GetAsync("/api/v1/members/compounds?cursor=bm90LWEtY3Vyc29y");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("分页游标无效（可能被改动或已过期），请重新输入查找。",
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("cursor")[0].GetString());
    }

    [Fact]
    public async Task The_member_form_lists_a_few_compounds_finds_others_by_name_and_keeps_a_residence_outside_the_editors_scope()
    {
        var (_, xingfu) = Compounds();
        var admin = await app.PagesAs("admin");
        var form = await admin.GetStringAsync("/members/new");
        var all = app.WithDb(db => db.Compounds.Count());
        // Before the picker the select listed every compound in scope (6,000 for the district at size L).
        Assert.InRange(Options(form, "Form.CompoundId"), 2, 21);
        Assert.True(all > 20, $"the demo district has {all} compounds");
        var found = await admin.GetStringAsync($"/members/new?compoundq={Uri.EscapeDataString(xingfu.Name)}");
        Assert.Matches($"东湖街道 / 幸福社区 / (\\S+ / )?{xingfu.Name}<", found);
        Assert.Contains("没有找到匹配的小区", await admin.GetStringAsync("/members/new?compoundq=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA"));

        // A member of 和平社区 living in 幸福社区: its secretary cannot search that compound, yet the edit form keeps it chosen.
        var (_, _, hepingGrid, _) = new MemberRosterTests(app).Units();
        var api = await app.ApiAs("admin");
        var created = await api.PostAsJsonAsync("/api/v1/members", new
        {
            name = "邻居甲", idNumber = MemberRosterTests.NewId(), phone = "13912345678", joinedOn = "2010-07-01", fullMemberOn = "2011-07-01",
            category = "Full", branchId = hepingGrid.Id, employment = "Retired", compoundId = xingfu.Id,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edit = await (await app.PagesAs("secretary")).GetStringAsync($"/members/{id}/edit");
        Assert.Matches($"<option value=\"{xingfu.Id}\" selected=\"selected\"", edit);
        Assert.Matches($"已选：<span data-user>东湖街道 / 幸福社区 / (\\S+ / )?{xingfu.Name}</span>", edit);
        Assert.InRange(Options(edit, "Form.CompoundId"), 2, 22);
    }

    [Fact]
    public async Task Without_JavaScript_a_search_posts_the_form_back_with_what_was_typed_and_saves_nothing()
    {
        var (_, xingfu) = Compounds();
        var admin = await app.PagesAs("admin");
        var name = "查找未存" + Random.Shared.Next(1000, 9999);
        var response = await LianxinApp.PostFormAsync(admin, "/members/new?handler=Search", new()
        {
            ["Form.Name"] = name, ["Form.Phone"] = "13912345678", ["Form.JoinedOn"] = "2015-07-01", ["compoundq"] = xingfu.Name, ["unitq"] = "第一网格",
        }, "/members/new");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{name}\"", html);
        Assert.Contains("东湖街道 / 幸福社区 / 第一网格党支部", html);
        Assert.Matches($"东湖街道 / 幸福社区 / (\\S+ / )?{xingfu.Name}<", html);
        // A search is not a save: no validation messages, no member.
        Assert.DoesNotContain("field-validation-error", html);
        Assert.False(app.WithDb(db => db.Members.Any(m => m.Name == name)));
        // The edit page searches the same way, and only for a member the caller manages.
        var heping = new MemberRosterTests(app).Units().heping.Path;
        var other = app.WithDb(db => db.Members.Where(m => !m.OrgPath.StartsWith(heping)).Select(m => m.Id).First());
        var secretary = await app.PagesAs("secretary");
        var refused = await LianxinApp.PostFormAsync(secretary, $"/members/{other}/edit?handler=Search", new() { ["compoundq"] = "园" }, "/members/new");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    static int Options(string html, string field)
    {
        var start = html.IndexOf($"name=\"{field}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Matches(html[start..end], "<option ").Count;
    }
}
