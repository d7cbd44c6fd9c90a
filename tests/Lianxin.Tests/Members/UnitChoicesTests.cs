using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Members;

/// <summary>The unit pickers of the Members pages (issue 15): find a unit by part of its name, within one's own scope, a page at a time.</summary>
[Collection(AppCollection.Name)]
public class UnitChoicesTests(LianxinApp app, Xunit.Abstractions.ITestOutputHelper output)
{
    async Task<Outcome<UnitChoicePage>> SearchAsync(string userName, SearchUnitChoices.Query query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.SignInAsAsync(userName);
        return await SearchUnitChoices.HandleAsync(sp.GetRequiredService<LianxinDb>(), sp.GetRequiredService<OrgDirectory>(), query, default);
    }

    [Fact]
    public async Task Typing_part_of_a_name_finds_the_units_that_contain_it_with_paths_that_tell_same_named_grids_apart()
    {
        var found = (await SearchAsync("admin", new("第一网格", Kind: OrgKind.Branch))).Value!.Items;
        Assert.All(found, u => Assert.Contains("第一网格", u.Name));
        var heping = Assert.Single(found, u => u.Name == "和平社区第一网格党支部");
        var xingfu = Assert.Single(found, u => u.Name == "幸福社区第一网格党支部");
        // Both grids are "第一网格党支部" for short; the path names the street and the community (the district is left out).
        Assert.Equal("东湖街道 / 和平社区 / 第一网格党支部", heping.Trail);
        Assert.Equal("东湖街道 / 幸福社区 / 第一网格党支部", xingfu.Trail);
        Assert.Equal("网格党支部", heping.KindName);

        // Typing "幸福" offers the community first (tree order), then what lies under it.
        var happy = (await SearchAsync("admin", new("幸福"))).Value!.Items;
        Assert.Equal("中共幸福社区委员会", happy[0].Name);
        Assert.Contains(happy, u => u.Name == "幸福社区第一网格党支部");
        Assert.Empty((await SearchAsync("admin", new("没有这个名字的组织"))).Value!.Items);
    }

    [Fact]
    public async Task A_community_secretary_finds_only_units_of_their_own_community_and_a_unit_elsewhere_is_a_404()
    {
        var found = (await SearchAsync("secretary", new("网格"))).Value!.Items;
        Assert.NotEmpty(found);
        Assert.All(found, u => Assert.StartsWith("东湖街道 / 和平社区", u.Trail));
        Assert.DoesNotContain(found, u => u.Name.Contains("幸福"));
        // Nothing above the community either: the street is not theirs to choose.
        Assert.DoesNotContain((await SearchAsync("secretary", new("东湖"))).Value!.Items, u => u.Kind == OrgKind.Street);

        var (heping, xingfu, _, _) = new MemberRosterTests(app).Units();
        Assert.Equal(OutcomeKind.NotFound, (await SearchAsync("secretary", new("网格", Under: xingfu.Id))).Kind);
        var under = (await SearchAsync("admin", new("网格", Under: heping.Id))).Value!.Items;
        Assert.NotEmpty(under);
        Assert.All(under, u => Assert.StartsWith("东湖街道 / 和平社区", u.Trail));
        // The grid secretary sees members but does not manage them: no units to choose for the member form.
        Assert.Equal(OutcomeKind.Forbidden, (await SearchAsync("grid", new("网格", UnitPurpose.Manage))).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await SearchAsync("resident", new("网格"))).Kind);
    }

    [Fact]
    public async Task Results_come_a_page_at_a_time_in_tree_order_without_repeats()
    {
        var first = (await SearchAsync("admin", new("", Limit: 3))).Value!;
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.Next);
        var second = (await SearchAsync("admin", new("", Cursor: first.Next, Limit: 3))).Value!;
        Assert.Equal(3, second.Items.Count);
        Assert.Empty(first.Items.Select(u => u.Id).Intersect(second.Items.Select(u => u.Id)));
        var both = (await SearchAsync("admin", new("", Limit: 6))).Value!.Items.Select(u => u.Id);
        Assert.Equal(both, first.Items.Concat(second.Items).Select(u => u.Id));
        Assert.Equal(SearchUnitChoices.DefaultLimit, (await SearchAsync("admin", new(null))).Value!.Items.Count);

        // The last page says so.
        var grids = (await SearchAsync("secretary", new("第一网格", Limit: SearchUnitChoices.MaxLimit))).Value!;
        Assert.Null(grids.Next);
    }

    [Theory]
    [InlineData("q", "查找的组织名称不能超过 30 个字符。")]
    [InlineData("limit", "每次返回的条数须在 1 到 50 之间。")]
    [InlineData("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。")]
    [InlineData("kind", "党小组不是党员的组织关系所在单位，不能在此选择。")]
    public async Task Bad_input_is_refused_with_a_Chinese_message_naming_the_field(string field, string message)
    {
        SearchUnitChoices.Query query = field switch
        {
            "q" => new(new string('幸', 31)),
            "limit" => new("幸福", Limit: 51),
            "cursor" => new("幸福", Cursor: "bm90LWEtY3Vyc29y"),
            _ => new("幸福", Kind: OrgKind.Group),
        };
        var outcome = await SearchAsync("admin", query);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(message, Assert.Single(outcome.Errors![field]));
    }

    [Fact]
    public async Task The_endpoint_answers_matches_in_scope_404_elsewhere_403_without_the_permission_and_400_for_bad_input()
    {
        var (_, xingfu, _, _) = new MemberRosterTests(app).Units();
        var secretary = await app.ApiAs("secretary");
        var page = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/members/units?q=%E7%AC%AC%E4%B8%80%E7%BD%91%E6%A0%BC&purpose=Manage&kind=Branch");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("和平社区第一网格党支部", item.GetProperty("name").GetString());
        Assert.Equal("东湖街道 / 和平社区 / 第一网格党支部", item.GetProperty("trail").GetString());
        Assert.Equal("Branch", item.GetProperty("kind").GetString());
        // Names of units only: nothing about people travels with a choice.
        Assert.Equal(["id", "name", "trail", "kind", "kindName"], item.EnumerateObject().Select(p => p.Name));

        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/members/units?q=x&under={xingfu.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("grid")).GetAsync("/api/v1/members/units?purpose=Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs("resident")).GetAsync("/api/v1/members/units")).StatusCode);
        var bad = await secretary.GetAsync("/api/v1/members/units?q=" + new string('a', 31));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查找的组织名称不能超过 30 个字符。", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task The_member_form_offers_a_short_list_and_finds_branches_by_name_without_JavaScript()
    {
        var admin = await app.PagesAs("admin");
        var branches = app.WithDb(db => db.Set<Lianxin.Web.Modules.Organizations.Domain.OrgUnit>().Count(u => u.Kind == OrgKind.Branch && u.Status == OrgStatus.Active));
        var form = await admin.GetStringAsync("/members/new");
        output.WriteLine($"/members/new for the district admin: {form.Length} characters, {Options(form, "Form.BranchId")} branch options ({branches} active branches in the district)");
        // Before the picker, the select listed every branch of the district (the L district: thousands of options).
        Assert.True(Options(form, "Form.BranchId") < Math.Min(branches, 51), $"{Options(form, "Form.BranchId")} options for {branches} branches");

        var found = await admin.GetStringAsync("/members/new?unitq=%E7%AC%AC%E4%B8%80%E7%BD%91%E6%A0%BC");
        Assert.Contains("东湖街道 / 和平社区 / 第一网格党支部", found);
        Assert.Contains("东湖街道 / 幸福社区 / 第一网格党支部", found);
        Assert.Contains("没有找到匹配的组织", await admin.GetStringAsync("/members/new?unitq=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA"));

        // The roster keeps the chosen unit shown.
        var (_, _, grid, _) = new MemberRosterTests(app).Units();
        var roster = await (await app.PagesAs("secretary")).GetStringAsync($"/members/roster?UnitId={grid.Id}");
        Assert.Contains("已选：<span data-user>东湖街道 / 和平社区 / 第一网格党支部</span>", roster);
    }

    static int Options(string html, string field)
    {
        var start = html.IndexOf($"name=\"{field}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Matches(html[start..end], "<option ").Count;
    }
}
