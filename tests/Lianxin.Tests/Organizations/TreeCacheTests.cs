using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Organizations;

/// <summary>
/// The live tree's kept answers (ADR 0061): every change to the units, whichever way it is written, is in the next answer; a
/// kept answer never reaches a caller with another scope; a transaction's own reads are neither kept nor served.
/// </summary>
[Collection(AppCollection.Name)]
public class TreeCacheTests(LianxinApp app)
{
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    OrgUnit UnitById(Guid id) => app.WithDb(db => db.OrgUnits.First(u => u.Id == id));
    long Version() => app.WithDb(db => db.OrgTreeVersions.Select(v => v.Version).FirstOrDefault());

    static async Task<List<JsonElement>> Tree(HttpClient api, Guid rootId, int depth = 1) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?rootId={rootId}&depth={depth}")).EnumerateArray()];

    static JsonElement Node(List<JsonElement> tree, Guid id) => tree.Single(n => n.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task Creating_renaming_moving_and_dissolving_a_unit_each_show_in_the_next_tree_answer()
    {
        var api = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var xingfu = Unit("幸福社区党委");
        var street = UnitById(heping.ParentId!.Value);
        var before = await Tree(api, heping.Id);
        var hepingChildren = Node(await Tree(api, street.Id), heping.Id).GetProperty("childCount").GetInt32();
        Assert.Equal(before.Count, (await Tree(api, heping.Id)).Count); // read twice: the second is the kept answer

        var created = await api.PostAsJsonAsync("/api/v1/org/units", new { parentId = heping.Id, kind = "Branch", branchKind = "Enterprise", name = "缓存测试支部", shortName = "缓存测试支部" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("缓存测试支部", Node(await Tree(api, heping.Id), id).GetProperty("shortName").GetString());
        Assert.Equal(hepingChildren + 1, Node(await Tree(api, street.Id), heping.Id).GetProperty("childCount").GetInt32());

        var renamed = await api.PutAsJsonAsync($"/api/v1/org/units/{id}", new { name = "缓存测试支部（改）", shortName = "缓存改名支部", branchKind = "Enterprise", version = UnitById(id).Version });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("缓存改名支部", Node(await Tree(api, heping.Id), id).GetProperty("shortName").GetString());

        var moved = await api.PostAsJsonAsync($"/api/v1/org/units/{id}/move", new { newParentId = xingfu.Id, version = UnitById(id).Version });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.DoesNotContain(await Tree(api, heping.Id), n => n.GetProperty("id").GetGuid() == id);
        Assert.Contains(await Tree(api, xingfu.Id), n => n.GetProperty("id").GetGuid() == id);
        Assert.Equal(hepingChildren, Node(await Tree(api, street.Id), heping.Id).GetProperty("childCount").GetInt32());

        var dissolved = await api.PostAsJsonAsync($"/api/v1/org/units/{id}/dissolve", new { reason = "缓存测试", version = UnitById(id).Version });
        Assert.Equal(HttpStatusCode.OK, dissolved.StatusCode);
        Assert.Equal("Dissolved", Node(await Tree(api, xingfu.Id), id).GetProperty("status").GetString());
    }

    static async Task<HttpResponseMessage> GetIfChanged(HttpClient api, string url, string? tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (tag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        return await api.SendAsync(request);
    }

    [Fact]
    public async Task A_client_that_sends_back_the_trees_tag_hears_not_modified_until_a_unit_under_it_changes()
    {
        var api = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var url = $"/api/v1/org/tree?rootId={heping.Id}&depth=2";

        var first = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak);
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true });

        var unchanged = await GetIfChanged(api, url, tag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, unchanged.Headers.ETag);
        // A list of tags, or any tag at all, names the current answer too.
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfChanged(api, url, $"W/\"1-stale\", {tag}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfChanged(api, url, "*")).StatusCode);

        var child = app.WithDb(db => db.Unit(heping, OrgKind.Branch, "标签测试支部"));
        var changed = await GetIfChanged(api, url, tag.ToString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Contains((await changed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), n => n.GetProperty("id").GetGuid() == child.Id);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfChanged(api, url, changed.Headers.ETag!.ToString())).StatusCode);
    }

    [Fact]
    public async Task A_tag_of_another_callers_tree_a_past_days_tree_or_a_refused_read_never_answers_not_modified()
    {
        var heping = Unit("和平社区党委");
        var street = UnitById(heping.ParentId!.Value);
        var streetApi = await app.ApiAs("street");
        var streetTag = (await streetApi.GetAsync("/api/v1/org/tree")).Headers.ETag!.ToString();

        // The same URL, another scope: the secretary's tops are only 和平, so the street's tag is not theirs.
        var secretary = await app.ApiAs("secretary");
        var theirs = await GetIfChanged(secretary, "/api/v1/org/tree", streetTag);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.NotEqual(streetTag, theirs.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetIfChanged(secretary, $"/api/v1/org/tree?rootId={street.Id}", "*")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetIfChanged(secretary, "/api/v1/org/tree?depth=9", "*")).StatusCode);

        // A past day is rebuilt from history on every request: no tag, always the whole answer.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var past = await GetIfChanged(streetApi, $"/api/v1/org/tree?on={yesterday:yyyy-MM-dd}", "*");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Null(past.Headers.ETag);
    }

    [Fact]
    public async Task A_write_that_goes_round_the_use_cases_still_moves_the_version_and_shows_in_the_tree()
    {
        var api = await app.ApiAs("street");
        var heping = Unit("和平社区党委");
        var child = app.WithDb(db => db.Unit(heping, OrgKind.Branch, "直写测试支部"));
        Assert.Contains(await Tree(api, heping.Id), n => n.GetProperty("id").GetGuid() == child.Id);
        var version = Version();

        // One statement, no change tracker, no interceptor: the way a move rebases paths or an operator fixes a name.
        app.WithDb(db => db.OrgUnits.Where(u => u.Id == child.Id).ExecuteUpdate(s => s.SetProperty(u => u.ShortName, "直写改名支部")));

        Assert.True(Version() > version);
        Assert.Equal("直写改名支部", Node(await Tree(api, heping.Id), child.Id).GetProperty("shortName").GetString());
        // A statement that changes no row is not a change anyone can see; the answer stays right either way.
        app.WithDb(db => db.OrgUnits.Where(u => u.Id == Guid.Empty).ExecuteUpdate(s => s.SetProperty(u => u.ShortName, "无")));
        Assert.Equal("直写改名支部", Node(await Tree(api, heping.Id), child.Id).GetProperty("shortName").GetString());
    }

    [Fact]
    public async Task An_answer_kept_for_the_street_is_not_served_to_a_community_secretary_who_may_not_see_the_street()
    {
        var heping = Unit("和平社区党委");
        var street = UnitById(heping.ParentId!.Value);
        var streetApi = await app.ApiAs("street");
        Assert.Equal(HttpStatusCode.OK, (await streetApi.GetAsync($"/api/v1/org/tree?rootId={street.Id}&depth=2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await streetApi.GetAsync($"/api/v1/org/tree?rootId={street.Id}&depth=2")).StatusCode);

        var secretary = await app.ApiAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/api/v1/org/tree?rootId={street.Id}&depth=2")).StatusCode);
        // Without a root each caller gets their own tops: the street its street, the secretary only 和平.
        var streetTops = await streetApi.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        var secretaryTops = await secretary.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        Assert.Contains(streetTops.EnumerateArray(), n => n.GetProperty("id").GetGuid() == street.Id);
        Assert.Equal(heping.Id, Assert.Single(secretaryTops.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_tree_read_inside_a_transaction_that_rolls_back_is_never_served_afterwards()
    {
        var heping = Unit("和平社区党委");
        var other = app.WithDb(db => db.Unit(heping, OrgKind.Branch, "回滚对照支部"));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(heping.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var cache = scope.ServiceProvider.GetRequiredService<TreeCache>();
        async Task<List<TreeNode>> Read() => (await cache.GetAsync(db, heping.Id, 1, () => GetTree.HandleAsync(db, heping.Id, 1, default), default)).Value!.Nodes;

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var ghost = new OrgUnit
            {
                Id = Guid.CreateVersion7(), TenantId = heping.TenantId, ParentId = heping.Id, Depth = heping.Depth + 1, Kind = OrgKind.Branch,
                BranchKind = BranchKind.Enterprise, Name = "回滚测试支部", ShortName = "回滚测试支部", Code = "RB" + Guid.NewGuid().ToString("N")[..8],
            };
            ghost.Path = OrgUnit.PathOf(heping.Path, ghost.Id);
            db.OrgUnits.Add(ghost);
            await db.SaveChangesAsync();
            Assert.Contains(await Read(), n => n.Name == "回滚测试支部"); // its own write, read live
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();

        // Another change commits: the version moves on past the one the rolled-back transaction had bumped to.
        app.WithDb(d => d.OrgUnits.Where(u => u.Id == other.Id).ExecuteUpdate(s => s.SetProperty(u => u.ShortName, "回滚对照改名")));
        var after = await Read();
        Assert.DoesNotContain(after, n => n.Name == "回滚测试支部");
        Assert.Contains(after, n => n.ShortName == "回滚对照改名");
    }
}
