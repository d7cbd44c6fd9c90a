using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>
/// The main pages run under the Content-Security-Policy without one violation (ADR 0027): every menu entry of a
/// street officer and of a district administrator, the charts, the 大屏 and the public pages, at desktop width.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CspFlowTests(BrowserApp app)
{
    [Theory]
    [InlineData("street")]
    [InlineData("admin")]
    [InlineData("secretary")]
    public async Task Every_menu_page_runs_without_a_policy_violation(string user)
    {
        var page = await app.PageAs(user);
        var violations = await Watch(page);
        await page.GotoAsync("/");
        var links = await page.Locator("#lx-nav a.nav-link").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        foreach (var link in links.Distinct())
        {
            await page.GotoAsync(link);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task The_charts_the_screen_and_the_public_pages_run_without_a_policy_violation()
    {
        var street = await app.PageAs("street");
        var violations = await Watch(street);
        await street.GotoAsync("/rollups");
        await street.Locator("#compareTable thead th a").First.ClickAsync();
        await Assertions.Expect(street.Locator("#trendChart canvas")).ToBeVisibleAsync();
        await street.GoBackAsync();
        await street.GetByRole(AriaRole.Button, new() { Name = "生成大屏链接" }).ClickAsync();
        var link = await street.Locator(".alert-success a").GetAttributeAsync("href");

        var screen = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1920, Height = 1080 } })).NewPageAsync();
        var screenViolations = await Watch(screen);
        await screen.GotoAsync(link!);
        await Assertions.Expect(screen.Locator("#chart0 canvas")).ToBeVisibleAsync();
        foreach (var url in new[] { "/", "/account/login", "/public/demands/new" })
        {
            await screen.GotoAsync(url);
            await screen.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        var all = violations.Concat(screenViolations).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));

        // The watch itself works: a script without the nonce is refused, and reported.
        await screen.RunAndWaitForConsoleMessageAsync(
            () => screen.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.appendChild(s); }"),
            new() { Predicate = m => m.Text.StartsWith("CSP violation") });
        Assert.False(await screen.EvaluateAsync<bool>("() => window.ran === true"));
        Assert.Contains(screenViolations, v => v.Contains("script-src"));
    }

    /// <summary>Collects what the browser refused: the securitypolicyviolation event and the console's "Refused to …" errors.</summary>
    static async Task<List<string>> Watch(IPage page)
    {
        var found = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && (m.Text.Contains("Refused to") || m.Text.Contains("Content Security Policy") || m.Text.StartsWith("CSP violation")))
                lock (found) found.Add($"{page.Url}: {m.Text}");
        };
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        return found;
    }
}
