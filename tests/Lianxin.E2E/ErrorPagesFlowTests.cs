namespace Lianxin.E2E;

/// <summary>The error page for a conflicting change (ADR 0062) says in Chinese that nothing was saved, at desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public class ErrorPagesFlowTests(BrowserApp app)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_conflict_page_says_nothing_was_saved(bool phone)
    {
        var page = await app.PageAs("street", phone);
        await page.GotoAsync("/error/409");
        Assert.Equal("操作冲突", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("您的操作没有生效", await page.Locator(".lx-card p").InnerTextAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        await BrowserApp.Shot(page, phone ? "error-409-phone" : "error-409");
    }
}
