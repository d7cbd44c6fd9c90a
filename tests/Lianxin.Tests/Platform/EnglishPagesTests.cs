using System.Net;
using Lianxin.Tests.Support;
using Xunit.Abstractions;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Issue 16: every page is whole in the language the reader chose. English pages show no Chinese and Chinese pages
/// no English words, except user data (ADR 0034). Pages not yet translated are listed in english-pending.txt; the
/// list only shrinks (the output names listed pages that are clean now), and a new page is checked at once.
/// </summary>
[Collection(AppCollection.Name)]
public class EnglishPagesTests(LianxinApp app, ITestOutputHelper output)
{
    static readonly string PendingFile = Path.Combine(AppContext.BaseDirectory, "Platform", "english-pending.txt");

    [Fact]
    public async Task Every_page_not_listed_as_pending_is_whole_in_English_and_in_Chinese()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await new PageLanguageWalk(app).RunAsync();
        output.WriteLine($"walk took {clock.Elapsed}");
        var pending = File.ReadAllLines(PendingFile).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet();

        var report = new List<string>();
        var failures = new List<string>();
        foreach (var page in result.Pages)
        {
            var clean = page.English.Count == 0 && page.Chinese.Count == 0;
            if (!clean)
            {
                report.Add($"{page.Route}  ({page.Url} as {page.Account ?? "anonymous"})");
                report.AddRange(page.English.Select(t => "  en: " + t));
                report.AddRange(page.Chinese.Select(t => "  zh: " + t));
            }
            if (!clean && !pending.Contains(page.Route)) failures.Add($"{page.Route}: {string.Join(" | ", page.English.Concat(page.Chinese).Take(8))}");
            // Not a failure: which record a route is filled with differs by provider and by what other tests added,
            // and one record may show a text another does not. Take such a page off once it is clean on both providers.
            if (clean && pending.Contains(page.Route)) output.WriteLine($"{page.Route} is whole in both languages now: take it off english-pending.txt");
        }
        foreach (var route in result.Unreached.Where(r => !pending.Contains(r)))
            failures.Add($"{route} was never rendered: no demo account reached it by a link (list it in english-pending.txt with why)");

        var done = result.Pages.Count(p => !pending.Contains(p.Route));
        output.WriteLine($"{done} pages checked whole in both languages; {pending.Count} listed as pending; {result.Unreached.Count} routes not reached.");
        output.WriteLine("Not reached: " + string.Join(", ", result.Unreached));
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "lianxin-language-report.txt"), report.Prepend($"done {done}, pending {pending.Count}, unreached: {string.Join(", ", result.Unreached)}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_language_follows_the_query_string_then_the_cookie_then_the_browser()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Contains("Sign in", await client.GetStringAsync("/account/login?culture=en"));
        // The query string's choice is kept for the next page, as the switch would keep it.
        Assert.Contains("Sign in", await client.GetStringAsync("/account/login"));
        Assert.Contains("登录", await client.GetStringAsync("/account/login?culture=zh-CN"));
        Assert.Contains("登录", await client.GetStringAsync("/account/login"));

        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var english = await browser.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("Skip to content", english);

        var chineseBrowser = app.CreateClient();
        chineseBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");
        Assert.Contains("<html lang=\"zh-CN\"", await chineseBrowser.GetStringAsync("/account/login"));

        // The header's switch beats the browser's language.
        var response = await LianxinApp.PostFormAsync(browser, "/culture", new() { ["culture"] = "zh-CN", ["returnUrl"] = "/account/login" }, "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\"", await browser.GetStringAsync("/account/login"));
    }
}
