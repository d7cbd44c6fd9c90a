using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Lists;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Organizations.Contracts;

/// <summary>A compound to choose, with where it lies ("东湖街道 / 和平社区 / 幸福小区"): two communities may each have a "幸福小区".</summary>
public record CompoundChoice(Guid Id, string Name, string Trail);

/// <summary>A page of matches in tree order; <c>Next</c> is the cursor of the following page (null at the end).</summary>
public record CompoundChoicePage(IReadOnlyList<CompoundChoice> Items, string? Next);

/// <summary>
/// The compound pickers' search (issue 15: a district has 6,000 compounds, too many for a select box), shared by the modules
/// that pick a compound (the member form's residence, the motion form). The module checks its own permission and says
/// under which <c>roots</c> the caller may pick; this validates the query, pages by keyset and names each compound's trail.
/// </summary>
public static class CompoundChoices
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQuery = 30;

    /// <summary>
    /// Compounds the caller sees whose name contains <paramref name="q"/>, under one of <paramref name="roots"/> (all seen when
    /// null), a page after <paramref name="cursor"/>; <paramref name="list"/> names the caller's list, so that a cursor of another
    /// list is refused. Bad input is a 400 naming the field (q, limit, cursor).
    /// </summary>
    public static async Task<Outcome<CompoundChoicePage>> SearchAsync(PlaceDirectory places, OrgDirectory org, string list, string? q, string? cursor, int? limit,
        IReadOnlyCollection<string>? roots, CancellationToken ct)
    {
        var e = new Errors();
        var term = q?.Trim() ?? "";
        if (term.Length > MaxQuery) e.Fail("q", $"查找的小区名称不能超过 {MaxQuery} 个字符。");
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) e.Fail("limit", $"每次返回的条数须在 1 到 {MaxLimit} 之间。");
        (string, string, Guid)? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (Cursor.Decode(list, cursor, 3) is { Back: false, Keys: [var path, var name, var id] } && Guid.TryParse(id, out var lastId))
                after = (path, name, lastId);
            else e.Fail("cursor", "分页游标无效（可能被改动或已过期），请重新输入查找。");
        }
        if (e.Any) return Failure.Invalid(e);

        var found = await places.SearchInScopeAsync(term, roots, after, take + 1, ct);
        var page = found.Take(take).ToList();
        var next = found.Count > take ? new Cursor(false, [page[^1].OrgPath, page[^1].Name, page[^1].Id.ToString()]).Encode(list) : null;
        return new CompoundChoicePage(await OfAsync(org, page, ct), next);
    }

    /// <summary>
    /// A compound picker (the search box is <c>compoundq</c>): the chosen compound first when there is one, then what
    /// <paramref name="found"/> holds; its message says why the list is short (bad input, nothing found, only the first page).
    /// </summary>
    public static Picker Picker(string field, string label, CompoundChoice? chosen, Outcome<CompoundChoicePage> found, string endpoint, string? query,
        string? blank, string? searchAction)
    {
        var options = found.Value?.Items ?? [];
        var message = found.Errors?.Values.SelectMany(v => v).FirstOrDefault()
            ?? (options.Count == 0 ? "没有找到匹配的小区" : found.Value?.Next is not null ? "只列出前 20 个，输入名称查找其他小区" : null);
        var all = (chosen is null ? options : [chosen, .. options]).DistinctBy(c => c.Id).Select(c => new PickerOption(c.Id, c.Name, c.Trail)).ToList();
        return new Picker(field, label, all.FirstOrDefault(o => o.Id == chosen?.Id), all, endpoint, "compoundq", query, message,
            SearchForm: null, Required: false, Small: false, blank, PickerTexts.Compounds, searchAction);
    }

    /// <summary>
    /// Compounds as choices, the places above each named in one read as people say them ("东湖街道 / 和平社区 / 幸福小区"); the district
    /// is left out (every compound lies in it).
    /// </summary>
    public static async Task<List<CompoundChoice>> OfAsync(OrgDirectory org, IReadOnlyList<CompoundRef> compounds, CancellationToken ct)
    {
        var above = (await org.ManyAsync(compounds.SelectMany(c => OrgDirectory.IdsOf(c.OrgPath)), ct)).ToDictionary(u => u.Id);
        return compounds.Select(c => new CompoundChoice(c.Id, c.Name,
            string.Join(" / ", [.. OrgDirectory.IdsOf(c.OrgPath).Skip(1).Select(id => above.TryGetValue(id, out var u) ? u.PublicName : "—"), c.Name]))).ToList();
    }
}
