using System.Net;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.PointsBank;

/// <summary>The bank's pages answer the people they are for: depositor, merchant, staff, and the public board.</summary>
public class PointsBankPagesTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task Each_person_sees_their_page_of_the_bank()
    {
        // The demo's own confirmed hours are credited first, so the figure below moves by this test's 500 points only
        // (enough to top the demo's depositors on the board).
        await App.RunJobAsync<EventDispatchJob>();
        var before = Issued(await (await App.PagesAs("staff")).GetStringAsync("/pointsbank"));
        var (user, userName) = await App.NewUserAsync(Role.Resident, "冯大姐");
        await App.ConfirmHoursAsync(user, 3000);
        var shop = await App.ShopAsync(points: 5, stock: 3);

        var me = await (await App.PagesAs(userName)).GetStringAsync("/pointsbank/me");
        Assert.Contains("data:image/png;base64,", me);
        Assert.Contains("平安巡逻", me);
        var till = await (await App.PagesAs(shop.UserName)).GetStringAsync("/pointsbank/shop");
        Assert.Contains("洗衣液", till);
        var office = await (await App.PagesAs("staff")).GetStringAsync("/pointsbank");
        Assert.Equal(before + 500, Issued(office));
        var board = await App.CreateClient().GetStringAsync($"/pointsbank/board/{App.Heping.Id}");
        Assert.Contains("志**", board); // the name the hours were confirmed under, masked: the depositor did not choose to show it
        // A resident is refused the staff's page (the cookie scheme sends them to the access-denied page).
        var denied = await (await App.PagesAs(userName)).GetAsync("/pointsbank");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("denied", denied.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    static int Issued(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html.Replace("\n", " "), "data-testid=\"issued\">\\s*([0-9,]+)\\s*<").Groups[1].Value.Replace(",", ""));
}
