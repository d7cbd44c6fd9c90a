using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>A community secretary on a phone: the bell, the inbox, and the unit's card with its star level.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationsFlowTests(BrowserApp app)
{
    static Task<bool> Overflows(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    T WithDb<T>(Func<LianxinDb, T> work)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    [Fact]
    public async Task A_secretary_sees_the_downgrade_notice_on_a_phone_opens_it_and_sees_the_star_on_the_units_card()
    {
        var heping = WithDb(db => db.OrgUnits.First(u => u.ShortName == "和平社区党委"));
        var tag = Guid.NewGuid().ToString("N")[..4];
        WithDb(db =>
        {
            var clock = TimeProvider.System;
            db.StarAwards.Add(new StarAward { UnitId = heping.Id, OrgPath = heping.Path, Level = 3, PreviousLevel = 4, Change = StarChange.Lowered, Reason = $"“浏览器测试{tag}”得分 86，低于 4 星门槛，自动降为 3 星", By = "系统", At = DateTime.UtcNow });
            Outbox.Notify(db, clock, new NotificationMessage("和平社区党委由 4 星降为 3 星", $"原因：“浏览器测试{tag}”得分 86，低于 4 星门槛，自动降为 3 星", $"/reviews/units/{heping.Id}/stars", "reviews.stars",
                RecipientUnitId: heping.Id, Permission: ReviewPermissions.ReviewView));
            return db.SaveChanges();
        });
        // A direct pass: in this process it waits for the loop's pass, if one is running, then takes the lease itself.
        Assert.DoesNotContain(await app.Services.GetRequiredService<JobHost>().RunAsync<NotificationDispatcher>(), r => r.Done is null);

        var phone = await app.PageAs("secretary", phone: true);
        await Assertions.Expect(phone.Locator("[data-testid=unread-badge]")).ToBeVisibleAsync();
        await phone.Locator(".lx-bell").ClickAsync();
        var notice = phone.Locator("[data-notification]", new() { HasText = $"浏览器测试{tag}" });
        await Assertions.Expect(notice).ToContainTextAsync("和平社区党委由 4 星降为 3 星");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "notifications-phone");

        await notice.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await phone.WaitForURLAsync($"**/reviews/units/{heping.Id}/stars");
        await Assertions.Expect(phone.Locator("[data-testid=star-level]")).ToHaveTextAsync("3 星");
        await Assertions.Expect(phone.GetByText($"“浏览器测试{tag}”得分 86")).ToBeVisibleAsync();
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "unit-stars-phone");

        await phone.GotoAsync("/notifications");
        await Assertions.Expect(phone.Locator("[data-notification]", new() { HasText = $"浏览器测试{tag}" })).ToContainTextAsync("已读");

        await phone.GotoAsync($"/org/{heping.Id}");
        await Assertions.Expect(phone.Locator("[data-testid=unit-badge]")).ToContainTextAsync("3★");
        Assert.False(await Overflows(phone));
        await BrowserApp.Shot(phone, "org-unit-card-star-phone");

        var street = await app.PageAs("street", phone: true);
        await street.GotoAsync("/org");
        await Assertions.Expect(street.Locator($"li[data-unit='{heping.Id}'] > .lx-unit-badge")).ToContainTextAsync("3★");
        Assert.False(await Overflows(street));
        await BrowserApp.Shot(street, "org-tree-star-phone");
    }
}
