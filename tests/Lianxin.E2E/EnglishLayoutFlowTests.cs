using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>
/// Issue 16: English words are longer than the Chinese ones a page was laid out for. Representative pages in English,
/// on a phone and on a desktop, neither scroll sideways nor cut a button's text.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EnglishLayoutFlowTests(BrowserApp app)
{
    /// <summary>What does not fit: the page wider than the window, or buttons whose text is wider than the button.</summary>
    const string Misfits = """
        () => {
            const out = [];
            if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('page ' + document.documentElement.scrollWidth + 'px wide');
            for (const b of document.querySelectorAll('button, .btn, input[type=submit]')) {
                if (!b.offsetParent || b.closest('.visually-hidden, .dropdown-menu, .collapse:not(.show), details:not([open])')) continue;
                if (b.scrollWidth > b.clientWidth + 1) out.push('button "' + (b.innerText || b.value).trim() + '" clipped');
            }
            return out;
        }
        """;

    Guid Street()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return scope.ServiceProvider.GetRequiredService<LianxinDb>().OrgUnits.First(u => u.Kind == OrgKind.Street && u.ShortName.Contains("东湖")).Id;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Staff_and_public_pages_in_English_fit_a_phone_and_a_desktop(bool phone)
    {
        var width = phone ? "phone" : "desktop";
        var admin = await app.PageAs("admin", phone);
        await admin.GotoAsync("/demands?culture=en"); // the choice is kept in the culture cookie for the pages after
        var demand = await admin.EvaluateAsync<string>(
            @"() => [...document.querySelectorAll(""a[href^='/demands/']"")].map(a => a.getAttribute('href')).find(h => /^\/demands\/[0-9a-f-]{36}$/.test(h))");
        var pages = new (string Name, string Url)[]
        {
            ("members", "/members"), ("demands", "/demands"), ("demand", demand!), ("rollups", "/rollups"),
            ("org-street", $"/org/{Street()}"), ("audit", "/audit"),
        };
        var problems = new List<string>();
        foreach (var (name, url) in pages)
        {
            await admin.GotoAsync(url);
            await Assertions.Expect(admin.Locator("html")).ToHaveAttributeAsync("lang", "en");
            problems.AddRange((await admin.EvaluateAsync<string[]>(Misfits)).Select(p => $"{url}: {p}"));
            await BrowserApp.Shot(admin, $"english-{name}-{width}");
        }

        var visitor = await app.PageAs(null, phone);
        foreach (var (name, url) in new[] { ("intake", "/public/demands/new?culture=en"), ("track", "/public/demands/track") })
        {
            await visitor.GotoAsync(url);
            await Assertions.Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "en");
            problems.AddRange((await visitor.EvaluateAsync<string[]>(Misfits)).Select(p => $"{url}: {p}"));
            await BrowserApp.Shot(visitor, $"english-{name}-{width}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
