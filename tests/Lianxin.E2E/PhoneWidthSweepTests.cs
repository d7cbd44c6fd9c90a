using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>
/// Every page a demo account reaches by links fits a phone's width (390 px): nothing widens the page sideways (a wide table
/// scrolls inside its own box). One page of each shape (ids aside) is opened; a page that overflows is kept as a screenshot
/// "phone-overflow-{account}-{n}". The secretary's pages are the street's, one level down, so the street walks them.
/// axe-core checks the pages without an id in their address (lists, forms, figures: a record's page shares their parts) for
/// serious and critical faults, each address once, by the first account that opens it; every page would add minutes to the suite.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class PhoneWidthSweepTests(BrowserApp app)
{
    /// <summary>Links that end the session, switch language or role, or answer a file.</summary>
    static readonly string[] NotPages = ["/api/", "/files/", "/account/logout", "/account/switch", "/culture"];

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> AxeChecked = new();

    [Theory]
    [InlineData("street"), InlineData("grid"), InlineData("liaison"), InlineData("member"), InlineData("resident"), InlineData("merchant")]
    public async Task Every_page_an_account_reaches_fits_a_phone(string account)
    {
        var page = await app.PageAs(account, phone: true);
        var queue = new Queue<string>(["/"]);
        var shapes = new HashSet<string>();
        var overflowing = new List<string>();
        var inaccessible = new List<string>();
        while (queue.TryDequeue(out var url))
        {
            var shape = Id().Replace(url.Split('?')[0], "{id}");
            if (!shapes.Add(shape)) continue;
            var response = await page.GotoAsync(url);
            if (response?.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html") != true) continue;
            // What sticks out, for the message: the first elements past the right edge outside a scrolling box (or escaping it).
            var over = await page.EvaluateAsync<string>("""
                () => {
                    const w = window.innerWidth;
                    if (document.documentElement.scrollWidth <= w + 1) return '';
                    const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                        && (!e.closest('.table-responsive, .overflow-auto') || getComputedStyle(e).position === 'absolute'));
                    return document.documentElement.scrollWidth + 'px: ' + out.slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className).join(', ');
                }
                """);
            if (over != "")
            {
                overflowing.Add($"{url} is {over}");
                await BrowserApp.Shot(page, $"phone-overflow-{account}-{overflowing.Count}");
            }
            if (!shape.Contains("{id}") && AxeChecked.TryAdd(shape, true))
                inaccessible.AddRange((await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{url}: {v.Id} ({v.Help}) at {string.Join(" ; ", v.Nodes.Take(2).Select(n => n.Html.Length > 100 ? n.Html[..100] : n.Html))}"));
            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href'))"))
                if (!href.StartsWith("//") && !NotPages.Any(href.StartsWith) && !href.Contains("export")) queue.Enqueue(href.Split('#')[0]);
        }
        Assert.True(shapes.Count > 5, $"{account} reached only {shapes.Count} pages");
        Assert.True(overflowing.Count == 0, $"{account}'s pages wider than a phone:\n" + string.Join("\n", overflowing));
        Assert.True(inaccessible.Count == 0, $"{account}'s pages with serious accessibility faults:\n" + string.Join("\n", inaccessible));
    }

    [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9]+)(?=/|$)")] private static partial Regex Id();
}
