using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Lists;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>A compound a member may live in, with where it lies ("东湖街道 / 和平社区 / 幸福小区"): two communities may each have a "幸福小区".</summary>
public record CompoundChoice(Guid Id, string Name, string Trail);

/// <summary>A page of matches in tree order; <c>Next</c> is the cursor of the following page (null at the end).</summary>
public record CompoundChoicePage(IReadOnlyList<CompoundChoice> Items, string? Next);

/// <summary>
/// Finds compounds by part of their name for the member form's residence picker (issue 15: a district has 6,000 compounds,
/// too many for a select box). Only compounds the caller sees are found, a page at a time, through Organizations' directory.
/// </summary>
public static class SearchCompoundChoices
{
    const string ListName = "member-compound-choices";

    public record Query(string? Q, string? Cursor = null, int? Limit = null);

    public static async Task<Outcome<CompoundChoicePage>> HandleAsync(LianxinDb db, PlaceDirectory places, OrgDirectory org, Query query, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberView)) return Failure.Forbidden;
        var e = new Errors();
        var term = query.Q?.Trim() ?? "";
        if (term.Length > SearchUnitChoices.MaxQuery) e.Fail("q", $"查找的小区名称不能超过 {SearchUnitChoices.MaxQuery} 个字符。");
        var limit = query.Limit ?? SearchUnitChoices.DefaultLimit;
        if (limit is < 1 or > SearchUnitChoices.MaxLimit) e.Fail("limit", $"每次返回的条数须在 1 到 {SearchUnitChoices.MaxLimit} 之间。");
        (string, string, Guid)? after = null;
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            if (Cursor.Decode(ListName, query.Cursor, 3) is { Back: false, Keys: [var path, var name, var id] } && Guid.TryParse(id, out var lastId))
                after = (path, name, lastId);
            else e.Fail("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。");
        }
        if (e.Any) return Failure.Invalid(e);

        var found = await places.SearchInScopeAsync(term, after, limit + 1, ct);
        var page = found.Take(limit).ToList();
        var next = found.Count > limit ? new Cursor(false, [page[^1].OrgPath, page[^1].Name, page[^1].Id.ToString()]).Encode(ListName) : null;
        return new CompoundChoicePage(await ChoicesAsync(org, page, ct), next);
    }

    /// <summary>
    /// Compounds as choices, the places above each named in one read as people say them ("东湖街道 / 和平社区 / 幸福小区"); the district
    /// is left out (every compound lies in it).
    /// </summary>
    public static async Task<List<CompoundChoice>> ChoicesAsync(OrgDirectory org, IReadOnlyList<CompoundRef> compounds, CancellationToken ct)
    {
        var above = (await org.ManyAsync(compounds.SelectMany(c => OrgDirectory.IdsOf(c.OrgPath)), ct)).ToDictionary(u => u.Id);
        return compounds.Select(c => new CompoundChoice(c.Id, c.Name,
            string.Join(" / ", [.. OrgDirectory.IdsOf(c.OrgPath).Skip(1).Select(id => above.TryGetValue(id, out var u) ? u.PublicName : "—"), c.Name]))).ToList();
    }
}
