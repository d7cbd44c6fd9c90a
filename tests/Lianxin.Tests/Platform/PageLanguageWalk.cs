using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Renders every Razor page of the app in Chinese and in English and collects what a reader sees (text nodes, the
/// title, aria-labels, placeholders, confirm prompts) that is in the other language and is not user data.
/// Page routes come from the app's endpoints; a route with ids is filled from a link to it found while crawling the
/// pages as the demo accounts, so every id is a demo record the account may open.
/// User data is what the database holds (names, titles, descriptions) or what is inside an element marked
/// <c>data-user</c>; everything else on a page is the interface's own text and must be in the page's language.
/// </summary>
public sealed partial class PageLanguageWalk(LianxinApp app)
{
    /// <summary>The accounts whose pages together reach every route; the first that gets a page renders it.</summary>
    static readonly string?[] Accounts =
        ["admin", "street", "secretary", "staff", "grid", "member", "compound", "reviewer", "officer", "judge", "liaison", "merchant", "resident", null];

    /// <summary>Routes never rendered: they change something on GET, only redirect or answer a file.</summary>
    static readonly HashSet<string> NotPages = ["/culture", "/account/logout", "/account/switch", "/members/export"];

    /// <summary>Latin words a Chinese page may show: product and format names.</summary>
    static readonly HashSet<string> LatinInChinese = new(StringComparer.OrdinalIgnoreCase)
    {
        "EN", "API", "ID", "QR", "Excel", "xlsx", "csv", "PDF", "Open311", "GeoReport", "MB", "iCal", "ics", "GeoJSON", "JSON", "URL", "SLA", "HTTP", "HTTPS", "OpenAPI", "PNG", "JPG", "Ctrl",
    };

    /// <param name="Checked">How many texts (text nodes and reader-facing attributes) were read in the two languages together.</param>
    public record PageReport(string Route, string Url, string? Account, IReadOnlyList<string> English, IReadOnlyList<string> Chinese, int Checked);

    public record WalkResult(IReadOnlyList<PageReport> Pages, IReadOnlyList<string> Unreached);

    public async Task<WalkResult> RunAsync()
    {
        var routes = PageRoutes();
        var data = ReadDataStrings();
        var reports = new Dictionary<string, PageReport>();
        var candidates = ExtraRoutes();
        foreach (var account in Accounts)
        {
            var client = account is null
                ? app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })
                : await app.PagesAs(account);
            var queue = new Queue<string>();
            queue.Enqueue("/");
            foreach (var r in routes.Where(r => !reports.ContainsKey(r.Pattern)))
            {
                if (!r.HasParameters) queue.Enqueue(r.Pattern);
                foreach (var url in candidates.GetValueOrDefault(r.Pattern) ?? []) queue.Enqueue(url);
            }
            var tried = new HashSet<string>();
            while (queue.TryDequeue(out var url))
            {
                var route = routes.FirstOrDefault(r => r.Matches(url));
                if (route is null || reports.ContainsKey(route.Pattern) || !tried.Add(url)) continue;
                if (tried.Count(u => route.Matches(u)) > 3) continue; // a few tries per route and account are enough
                var zh = await GetAsync(client, url, "zh-CN");
                if (zh is null) continue;
                var en = await GetAsync(client, url, "en");
                if (en is null) continue;
                reports[route.Pattern] = new(route.Pattern, url, account, Stray(en, data, english: true), Stray(zh, data, english: false), Texts(en).Count() + Texts(zh).Count());
                foreach (var link in Links(zh))
                {
                    var target = routes.FirstOrDefault(r => r.Matches(link));
                    if (target is null || reports.ContainsKey(target.Pattern)) continue;
                    var list = candidates.TryGetValue(target.Pattern, out var l) ? l : candidates[target.Pattern] = [];
                    if (list.Count < 5 && !list.Contains(link)) list.Add(link);
                    queue.Enqueue(link);
                }
            }
        }
        return new(reports.Values.OrderBy(r => r.Route).ToList(),
            routes.Select(r => r.Pattern).Where(p => !reports.ContainsKey(p)).Order().ToList());
    }

    static async Task<IDocument?> GetAsync(HttpClient client, string url, string culture)
    {
        var response = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "culture=" + culture);
        if ((response.StatusCode != HttpStatusCode.OK && !IsErrorPage(url)) || response.Content.Headers.ContentType?.MediaType != "text/html") return null;
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    static IEnumerable<string> Links(IDocument doc) =>
        doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//") && !h.StartsWith("/api/") && !h.StartsWith("/lib/"))
            .Select(h => h.Split('#')[0]);

    // ---- what a reader sees ----

    static readonly string[] ReadAttributes = ["title", "aria-label", "placeholder", "alt", "data-confirm", "hx-confirm", "aria-description"];

    /// <summary>The page's own texts, with user data left out.</summary>
    public static IEnumerable<string> Texts(IDocument doc)
    {
        foreach (var node in doc.All)
        {
            if (IsData(node) || node.LocalName is "script" or "style" or "template" or "svg") continue;
            foreach (var child in node.ChildNodes.OfType<IText>())
                if (Normalize(child.Data) is { Length: > 0 } text) yield return text;
            foreach (var name in ReadAttributes)
                if (node.GetAttribute(name) is { } value && Normalize(value) is { Length: > 0 } text) yield return text;
            if (node is AngleSharp.Html.Dom.IHtmlInputElement { Type: "submit" or "button" } input && Normalize(input.Value) is { Length: > 0 } v)
                yield return v;
        }
    }

    static bool IsData(IElement element)
    {
        var language = element.Owner?.DocumentElement.GetAttribute("lang");
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("data-user") || e.LocalName is "script" or "style" or "textarea") return true;
            // Marked as the other language on purpose: the language switch says "中文" on an English page.
            if (e.LocalName != "html" && e.GetAttribute("lang") is { } lang && lang != language) return true;
        }
        return false;
    }

    static string Normalize(string s) => Whitespace().Replace(s, " ").Trim();

    static List<string> Stray(IDocument doc, DataStrings data, bool english)
    {
        var found = new List<string>();
        foreach (var text in Texts(doc))
        {
            // Fullwidth punctuation (，。：（）) in English text is Chinese left behind as much as a character is.
            var runs = english ? Cjk().Matches(text).Concat(Fullwidth().Matches(text)) : Latin().Matches(text).Where(m => !IsCode(m.Value));
            if (runs.Any(run => !(english ? data.Covers(run.Value, text) : LatinInChinese.Contains(run.Value) || data.Covers(run.Value, text))))
                found.Add(text.Length > 120 ? text[..120] + "…" : text);
        }
        return found.Distinct().ToList();
    }

    // ---- user data: every string the demo database holds ----

    /// <summary>
    /// The database's strings. A run of one script in a page's text is data when it is a whole value, or part of
    /// a value that the text holds whole (a display name "党员 李建华" shown as such).
    /// </summary>
    public sealed class DataStrings(HashSet<string> values, Dictionary<string, List<string>> partOf)
    {
        public bool Covers(string run, string text) =>
            values.Contains(run) || (partOf.TryGetValue(run, out var whole) && whole.Any(text.Contains))
            || text.Contains(run + "*"); // a masked name: 王**

        /// <summary>A unit's full name and the place names pages derive from it: 中共锦绣社区委员会 → 锦绣社区, 锦绣社区大党委.</summary>
        static IEnumerable<string> Forms(string value)
        {
            yield return value;
            // Records kept as JSON (a rubric's sections and items): each string in it is data.
            if (value.StartsWith('{') || value.StartsWith('['))
                foreach (var leaf in JsonStrings(value)) yield return leaf;
            if (UnitName().Match(value) is { Success: true } m)
            {
                var place = m.Groups["place"].Value;
                yield return place;
                yield return place + "大工委";
                yield return place + "大党委";
            }
        }

        public static DataStrings From(IEnumerable<string> all)
        {
            var values = new HashSet<string>();
            var partOf = new Dictionary<string, List<string>>();
            foreach (var raw in all.SelectMany(Forms))
            {
                var value = Normalize(raw);
                if (value.Length is 0 or > 300 || !values.Add(value)) continue;
                foreach (Match run in Cjk().Matches(value).Concat(Latin().Matches(value)).Concat(Fullwidth().Matches(value)))
                    if (run.Value != value)
                        (partOf.TryGetValue(run.Value, out var l) ? l : partOf[run.Value] = []).Add(value);
            }
            return new(values, partOf);
        }
    }

    static IEnumerable<string> JsonStrings(string json)
    {
        System.Text.Json.Nodes.JsonNode? root;
        try { root = System.Text.Json.Nodes.JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { yield break; }
        var stack = new Stack<System.Text.Json.Nodes.JsonNode?>([root]);
        while (stack.TryPop(out var node))
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o: foreach (var p in o) stack.Push(p.Value); break;
                case System.Text.Json.Nodes.JsonArray a: foreach (var x in a) stack.Push(x); break;
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text): yield return text; break;
            }
        }
    }

    DataStrings ReadDataStrings() => DataStrings.From(app.WithDb(db =>
    {
        var all = new List<string>();
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes())
            {
                // The audit log's entity and field names are the system's own words, shown through display names.
                if (entity.GetTableName() is not { } table || table.StartsWith("aud_")) continue;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                {
                    if (property.GetColumnName(store) is not { } column) continue;
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) all.Add(reader.GetString(0));
                }
            }
        }
        finally { db.Database.CloseConnection(); }
        return all;
    }));

    // ---- the app's page routes ----

    public sealed class PageRoute(string pattern, Regex regex, bool hasParameters)
    {
        /// <summary>Literal segments: "/members/new" is tried before "/members/{id}".</summary>
        public int Literals => Pattern.Split('/').Count(s => !s.StartsWith('{'));
        public string Pattern { get; } = pattern;
        public bool HasParameters { get; } = hasParameters;
        public bool Matches(string url) => regex.IsMatch(url.Split('?')[0].TrimEnd('/') is { Length: > 0 } p ? p : "/");
    }

    List<PageRoute> PageRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        // A folder's Index page answers two patterns ("x/Index" and "x"): one route, the shorter.
        return endpoints.GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.RelativePath)
            .Select(g => g.OrderBy(e => e.RoutePattern.RawText!.Length).First().RoutePattern)
            .Where(p => !NotPages.Contains("/" + p.RawText!.TrimStart('/')))
            .Select(p =>
            {
                var parts = p.PathSegments.Select(s => s.IsSimple && s.Parts[0] is RoutePatternLiteralPart lit
                    ? "/" + Regex.Escape(lit.Content)
                    : s.Parts[0] is RoutePatternParameterPart part ? (part.IsOptional ? "(/" + Value(part) + ")?" : "/" + Value(part)) : "/[^/]+");
                var regex = new Regex("^" + (parts.Any() ? string.Concat(parts) : "/") + "$", RegexOptions.IgnoreCase);
                return new PageRoute("/" + p.RawText!.TrimStart('/'), regex, p.Parameters.Any(x => !x.IsOptional));
            })
            .OrderBy(r => r.HasParameters).ThenByDescending(r => r.Literals)
            .ToList();
    }

    static string Value(RoutePatternParameterPart part) =>
        part.ParameterPolicies.Any(x => x.Content == "guid") ? "[0-9a-fA-F-]{36}"
        : part.ParameterPolicies.Any(x => x.Content is "int" or "long") ? "-?[0-9]+"
        : part.IsCatchAll ? ".+" : "[^/]+";

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+")] private static partial Regex Cjk();
    [GeneratedRegex("[，。：；（）！？、]+")] private static partial Regex Fullwidth();
    /// <summary>Codes shown beside their Chinese names (demands.overdue, api_key, Open311) are not English words.</summary>
    static bool IsCode(string token) => token.Any(c => c is '.' or '_' || char.IsDigit(c)) || token.Length < 2;

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_.'-]*[A-Za-z0-9]")] private static partial Regex Latin();
    [GeneratedRegex("^中共(?<place>.+?)(工作)?委员会$")] private static partial Regex UnitName();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
