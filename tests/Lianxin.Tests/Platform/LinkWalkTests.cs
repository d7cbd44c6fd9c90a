using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Lianxin.Tests.Support;
using Xunit.Abstractions;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Every link a page shows its reader opens for that reader: no menu entry, button, tab or crumb leads a demo account to a
/// refusal (403), a record out of its scope (404) or a server error. Each account walks the pages it reaches from the home
/// page by links; a few links of each shape (ids and query values aside) are followed, which reaches every page an account
/// has and keeps the walk short.
/// </summary>
[Collection(AppCollection.Name)]
public partial class LinkWalkTests(LianxinApp app, ITestOutputHelper output)
{
    /// <summary>Links of one shape followed per account: enough to meet both a list's and a record's variants.</summary>
    const int PerShape = 2;

    /// <summary>Links that change the session rather than show a page.</summary>
    static readonly string[] Leaves = ["/account/logout", "/account/switch", "/culture"];

    [Theory]
    [InlineData("admin"), InlineData("street"), InlineData("reviewer"), InlineData("officer"), InlineData("judge")]
    [InlineData("secretary"), InlineData("staff"), InlineData("liaison"), InlineData("resident"), InlineData("merchant")]
    [InlineData("grid"), InlineData("compound"), InlineData("member"), InlineData("secretary2"), InlineData("mediator")]
    [InlineData(null)]
    public async Task Every_link_a_reader_is_shown_opens(string? account)
    {
        var client = account is null
            ? app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })
            : await app.PagesAs(account);
        var queue = new Queue<(string Url, string From)>([("/", "")]);
        var seen = new HashSet<string>();
        var shapes = new Dictionary<string, int>();
        var broken = new List<string>();
        while (queue.TryDequeue(out var next))
        {
            var (url, from) = next;
            if (!seen.Add(url)) continue;
            var shape = Shape(url);
            if (shapes.GetValueOrDefault(shape) >= PerShape) continue;
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;

            var response = await client.GetAsync(url);
            output.WriteLine($"{(int)response.StatusCode} {url}");
            var code = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (code >= 400 || (code is >= 300 and < 400 && Refused(location)))
            {
                broken.Add($"{url} → {code} {location} (a link on {from})");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var href in doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                if (Followed(href) is { } link && !seen.Contains(link)) queue.Enqueue((link, url));
        }
        Assert.True(shapes.Count > 3, $"{account ?? "anonymous"} reached only {shapes.Count} pages: the walk did not start");
        Assert.True(broken.Count == 0, $"{account ?? "anonymous"} is shown links that do not open:\n" + string.Join("\n", broken));
    }

    /// <summary>A site-relative page link, without its fragment; null for other sites, assets, the API and session links.</summary>
    static string? Followed(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//") || href.StartsWith("/api/") || href.StartsWith("/lib/")) return null;
        var link = href.Split('#')[0];
        return Leaves.Any(l => link.StartsWith(l, StringComparison.OrdinalIgnoreCase)) ? null : link;
    }

    static bool Refused(string location) =>
        location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase);

    /// <summary>"/org/{id}?tab" for "/org/3f2…?tab=members&amp;page=2": ids, numbers and query values aside.</summary>
    static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Id().Replace(parts[0], "{id}");
        var query = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return path + "?" + query;
    }

    [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9]+|[A-Za-z0-9_-]{20,})(?=/|$)")] private static partial Regex Id();
}
