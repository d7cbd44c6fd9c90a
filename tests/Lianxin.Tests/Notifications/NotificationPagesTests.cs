using System.Net;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Notifications;

namespace Lianxin.Tests.Notifications;

[Collection(AppCollection.Name)]
public class NotificationPagesTests(LianxinApp app)
{
    Guid UserId(string userName) => app.WithDb(db => db.Users.First(u => u.UserName == userName).Id);

    Guid Send(string userName, string title, string? link) => app.WithDb(db =>
    {
        var n = Outbox.Notify(db, TimeProvider.System, new NotificationMessage(title, "请及时查看。", link, "tests", RecipientUserId: UserId(userName)));
        db.SaveChanges();
        return n.Id;
    });

    static int Badge(string html) => Regex.Match(html, "data-testid=\"unread-badge\"[^>]*>(\\d+)<") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    [Fact]
    public async Task The_inbox_lists_unread_first_the_bell_counts_them_and_opening_one_marks_it_read_and_follows_its_link()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        Send("staff", $"旧通知{tag}", null);
        await StarExitNotificationTests.DeliverAsync(app);
        var staff = await app.PagesAs("staff");
        var old = app.WithDb(db => db.InboxItems.Single(i => i.Title == $"旧通知{tag}").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await LianxinApp.PostFormAsync(staff, $"/notifications?handler=read&id={old}", [], "/notifications")).StatusCode);

        Send("staff", $"新通知{tag}", "/reviews/rectifications");
        await StarExitNotificationTests.DeliverAsync(app);
        var html = await staff.GetStringAsync("/notifications");
        Assert.True(html.IndexOf($"新通知{tag}") < html.IndexOf($"旧通知{tag}"), "unread first");
        var unread = Badge(html);
        Assert.True(unread >= 1);
        Assert.Equal(unread, Badge(await staff.GetStringAsync("/"))); // the bell is on every page

        var id = app.WithDb(db => db.InboxItems.Single(i => i.Title == $"新通知{tag}").Id);
        var opened = await LianxinApp.PostFormAsync(staff, $"/notifications?handler=open&id={id}", [], "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/reviews/rectifications", opened.Headers.Location!.OriginalString);
        Assert.Equal(unread - 1, Badge(await staff.GetStringAsync("/notifications")));

        // Another person's notice cannot be marked from their account.
        var other = await app.PagesAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await LianxinApp.PostFormAsync(other, $"/notifications?handler=read&id={id}", [], "/notifications")).StatusCode);
    }

    [Fact]
    public async Task An_external_link_is_never_stored_so_the_inbox_cannot_redirect_off_site()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        Send("staff", $"外链{tag}", "//evil.example/x");
        Assert.Null(app.WithDb(db => db.Notifications.Single(n => n.Title == $"外链{tag}").Link));
    }

    [Fact]
    public async Task The_current_star_level_shows_on_the_units_card_and_in_the_tree()
    {
        var xingfu = app.WithDb(db => db.OrgUnits.First(u => u.ShortName == "幸福社区党委"));
        app.WithDb(db =>
        {
            db.StarAwards.Add(new StarAward { UnitId = xingfu.Id, OrgPath = xingfu.Path, Level = 4, Change = StarChange.Awarded, Reason = "测试：评为 4 星", By = "系统", At = DateTime.UtcNow });
            return db.SaveChanges();
        });
        var street = await app.PagesAs("street");
        var card = await street.GetStringAsync($"/org/{xingfu.Id}");
        Assert.Matches($"<a class=\"badge [^\"]*lx-unit-badge[^\"]*\" href=\"/reviews/units/{xingfu.Id}/stars\"[^>]*>4★", card);
        Assert.Contains("星级评定：4 星", card);
        var tree = await street.GetStringAsync("/org");
        Assert.Matches($"data-unit=\"{xingfu.Id}\"[\\s\\S]*?lx-unit-badge\" title=\"星级评定：4 星\">4★", tree);

        var page = await street.GetStringAsync($"/reviews/units/{xingfu.Id}/stars");
        Assert.Contains("测试：评为 4 星", page);

        // A neighbour outside the subtree sees neither the card nor the star page.
        var secretary = await app.PagesAs("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/reviews/units/{xingfu.Id}/stars")).StatusCode);

        // Removed: the badge goes.
        app.WithDb(db =>
        {
            db.StarAwards.Add(new StarAward { UnitId = xingfu.Id, OrgPath = xingfu.Path, Level = 0, PreviousLevel = 4, Change = StarChange.Removed, Reason = "测试：摘牌", By = "系统", At = DateTime.UtcNow.AddSeconds(1) });
            return db.SaveChanges();
        });
        Assert.DoesNotContain("lx-unit-badge", await street.GetStringAsync($"/org/{xingfu.Id}"));
    }
}
