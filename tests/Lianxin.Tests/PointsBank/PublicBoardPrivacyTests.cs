using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Tests.PointsBank;

/// <summary>The X贤榜 is anonymous: a depositor who shows their name shows it, but a phone or ID number typed into it is masked (ADR 0030).</summary>
public class PublicBoardPrivacyTests(PointsBankApp app) : LedgerTest(app), IClassFixture<PointsBankApp>
{
    [Fact]
    public async Task A_phone_or_id_number_in_a_shown_name_never_reaches_the_public_board_in_clear()
    {
        const string phone = "13912345678", id = "110101199003077777";
        var (user, userName) = await App.NewUserAsync(Role.Resident, "榜单隐私");
        App.WithDb(db =>
        {
            db.Publish(new VolunteerHoursConfirmed(Guid.CreateVersion7(), Guid.CreateVersion7(), "平安巡逻", "巡防", App.Heping.Path, user, $"王阿姨 电话{phone} 身份证{id}",
                6000, new DateOnly(2026, 11, 1)), App.Clock.GetUtcNow().UtcDateTime);
            return db.SaveChanges();
        });
        await App.RunJobAsync<EventDispatchJob>();
        var shown = await (await App.ApiAs(userName)).PutAsJsonAsync("/api/v1/pointsbank/me/show-name", new { showName = true });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);

        var anon = App.CreateClient();
        foreach (var text in new[] { await anon.GetStringAsync($"/api/v1/pointsbank/board/{App.Heping.Id}"), await anon.GetStringAsync($"/pointsbank/board/{App.Heping.Id}") })
        {
            Assert.Contains("王阿姨", text);
            Assert.Contains("139****5678", text);
            Assert.DoesNotContain(phone, text);
            Assert.DoesNotContain("19900307", text);
        }
    }
}
