using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>A community's own review page: the street's 点评 of each round and its trend across rounds beside the street average.</summary>
[Collection(BrowserCollection.Name)]
public class UnitTrendFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    /// <summary>A second published quarter after the demo's first, every community of the street scored; the id of 和平社区.</summary>
    Guid SecondQuarter()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        var first = db.Set<ReviewRound>().First(r => r.Name == "2026年第一季度党建观摩");
        var heping = db.OrgUnits.First(u => u.ShortName == "和平社区党委");
        if (!db.Set<ReviewRound>().Any(r => r.Name == "浏览器测试第二季度观摩"))
        {
            var round = new ReviewRound
            {
                Name = "浏览器测试第二季度观摩", RubricId = first.RubricId, OwnerUnitId = first.OwnerUnitId, OrgPath = first.OrgPath, State = RoundState.Published,
                PreviousRoundId = first.Id, CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            };
            db.Add(round);
            var units = db.Set<RoundUnit>().Where(u => u.RoundId == first.Id).OrderBy(u => u.VisitOrder).ToList();
            foreach (var u in units)
                db.Add(new RoundUnit { RoundId = round.Id, UnitId = u.UnitId, UnitName = u.UnitName, OrgPath = u.OrgPath, VisitOrder = u.VisitOrder,
                    Total = (u.Total ?? 80) + (u.UnitId == heping.Id ? 3 : -1), Rank = u.Rank, PreviousTotal = u.Total, PreviousRank = u.Rank, Published = true });
            db.SaveChanges();
        }
        return heping.Id;
    }

    [Fact]
    public async Task A_secretary_reads_the_streets_comment_and_the_trend_at_desktop_and_phone_width()
    {
        var heping = SecondQuarter();
        foreach (var phone in new[] { false, true })
        {
            var page = await app.PageAs("secretary", phone);
            await page.GotoAsync($"/reviews/units/{heping}/stars");
            await Assertions.Expect(page.Locator("[data-remark]").First).ToContainTextAsync("红色物业");
            await Assertions.Expect(page.Locator("[data-remark]").First).ToContainTextAsync("年底前完成全部整改事项。");
            await Assertions.Expect(page.Locator("#trendChart canvas")).ToBeVisibleAsync();
            Assert.False(await Overflows(page));
            await page.GetByTestId("trend").ScrollIntoViewIfNeededAsync();
            await BrowserApp.Shot(page, phone ? "unit-trend-phone" : "unit-trend-desktop");
        }
    }
}
