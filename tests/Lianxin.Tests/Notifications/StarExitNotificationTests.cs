using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Platform;
using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Notifications;

namespace Lianxin.Tests.Notifications;

/// <summary>动态退出 through the outbox: a published round that lowers a unit's stars tells the unit and its street, nobody else.</summary>
[Collection(AppCollection.Name)]
public class StarExitNotificationTests(LianxinApp app)
{
    static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();
    OrgUnit Unit(string shortName) => app.WithDb(db => db.OrgUnits.First(u => u.ShortName == shortName));
    Guid Street => Unit("东湖街道党工委").Id;

    /// <summary>One pass of the dispatcher, as the job host's loop would run it.</summary>
    internal static Task DeliverAsync(LianxinApp app) => app.RunJobAsync<NotificationDispatcher>();

    static async Task<List<JsonElement>> InboxOf(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Gives the unit a current level, as a past round would have.</summary>
    void Arrange(OrgUnit unit, int level) => app.WithDb(db =>
    {
        db.StarAwards.Add(new StarAward
        {
            UnitId = unit.Id, OrgPath = unit.Path, Level = level, PreviousLevel = 0, Change = StarChange.Awarded,
            Reason = "测试前置：既有星级", By = "系统", At = DateTime.UtcNow.AddMinutes(-1),
        });
        return db.SaveChanges();
    });

    Task<(Guid RoundId, string Name)> PublishRound(HttpClient street, Guid unit, double a1, double b1) => PublishRound(app, street, Street, unit, a1, b1);

    /// <summary>
    /// A one-reviewer round of <paramref name="purpose"/> (the star programme) on <paramref name="unit"/>, published with the given
    /// score (thresholds 3★ 80, 4★ 90, 5★ 95).
    /// </summary>
    internal static async Task<(Guid RoundId, string Name)> PublishRound(LianxinApp app, HttpClient street, Guid Street, Guid unit, double a1, double b1,
        string purpose = "FiveStar")
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var rubric = await street.PostAsJsonAsync("/api/v1/reviews/rubrics", new
        {
            ownerUnitId = Street, name = $"{purpose}细则{tag}", purpose,
            definition = new
            {
                sections = new[] { new { code = "A", title = "组织建设", weight = 1.0 } },
                items = new object[]
                {
                    new { code = "A1", section = "A", title = "班子健全", type = "Scored", max = 60.0 },
                    new { code = "B1", section = "A", title = "为民服务", type = "Scored", max = 40.0 },
                },
                bonusCap = 0.0, vetoEffect = "Zero",
                stars = new[] { new { level = 3, minScore = 80.0 }, new { level = 4, minScore = 90.0 }, new { level = 5, minScore = 95.0 } },
            },
        });
        Assert.True(rubric.StatusCode == HttpStatusCode.Created, await rubric.Content.ReadAsStringAsync());
        var name = UsersApiTests.NewName("rv");
        var reviewer = await UsersApiTests.CreateAsync(street, name, Role.Reviewer, Street, "评委 甲");
        var reviewerApi = await app.ApiAs(name, UsersApiTests.Password);
        var roundName = $"2026年第三季度五星评定{tag}";
        var created = await street.PostAsJsonAsync("/api/v1/reviews/rounds", new
        {
            ownerUnitId = Street, name = roundName, rubricId = (await Json(rubric)).GetProperty("id").GetGuid(), aggregation = "Mean",
            units = new[] { new { unitId = unit } }, panel = new[] { new { userId = reviewer.Id, panelRole = "组长" } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var roundId = (await Json(created)).GetProperty("id").GetGuid();
        async Task Move(string verb)
        {
            var version = (await street.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/rounds/{roundId}")).GetProperty("version").GetInt32();
            var r = await street.PostAsJsonAsync($"/api/v1/reviews/rounds/{roundId}/{verb}", new { version });
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{verb}: {await r.Content.ReadAsStringAsync()}");
        }
        await Move("open");
        var sheet = (await reviewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/sheets/mine?roundId={roundId}"))[0];
        var saved = await reviewerApi.PutAsJsonAsync($"/api/v1/reviews/sheets/{sheet.GetProperty("id").GetGuid()}", new
        {
            entries = new Dictionary<string, object> { ["A1"] = new { value = a1 }, ["B1"] = new { value = b1 } },
            version = sheet.GetProperty("version").GetInt32(), submit = true,
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await Move("close");
        await Move("publish");
        return (roundId, roundName);
    }

    [Fact]
    public async Task Publishing_a_round_that_lowers_a_units_stars_notifies_its_secretary_and_the_street_but_not_the_neighbour()
    {
        var heping = Unit("和平社区党委");
        Arrange(heping, 5);
        var street = await app.ApiAs("street");
        var secretary = await app.ApiAs("secretary");
        var neighbour = await app.ApiAs("secretary2");
        var resident = await app.ApiAs("resident");
        var before = (await InboxOf(neighbour)).Count;

        var (roundId, roundName) = await PublishRound(street, heping.Id, 50, 32); // 82: 5★ → 3★

        // Written to the outbox with the award (one for the unit, one for its street); the dispatcher delivers it.
        Assert.Equal(new[] { heping.Id, Street }.Order(), app.WithDb(db => db.Notifications.Where(n => n.Body.Contains(roundName)).Select(n => n.RecipientUnitId!.Value).ToList()).Order());
        await DeliverAsync(app);

        var mine = (await InboxOf(secretary)).Single(n => n.GetProperty("body").GetString()!.Contains(roundName));
        Assert.Equal("和平社区党委由 5 星降为 3 星", mine.GetProperty("title").GetString());
        Assert.Contains("低于 5 星门槛，自动降为 3 星", mine.GetProperty("body").GetString());
        Assert.Equal($"/reviews/units/{heping.Id}/stars", mine.GetProperty("link").GetString());
        Assert.Null(mine.GetProperty("readAt").GetString());

        var streets = (await InboxOf(street)).Single(n => n.GetProperty("body").GetString()!.Contains(roundName));
        Assert.Equal($"/reviews/rounds/{roundId}/results", streets.GetProperty("link").GetString());

        // The neighbouring community's secretary hears nothing; nor does a resident of the unit (no review rights).
        Assert.Equal(before, (await InboxOf(neighbour)).Count);
        Assert.DoesNotContain(await InboxOf(resident), n => n.GetProperty("body").GetString()!.Contains(roundName));

        // A second pass delivers nothing twice.
        await DeliverAsync(app);
        Assert.Single(await InboxOf(secretary), n => n.GetProperty("body").GetString()!.Contains(roundName));

        // Mark read: the count drops; someone else's notice does not exist for the neighbour.
        var id = mine.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var unread = (await secretary.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32();
        Assert.True(unread >= 1);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(unread - 1, (await secretary.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32());
        var read = (await InboxOf(secretary)).Single(n => n.GetProperty("id").GetGuid() == id);
        Assert.NotNull(read.GetProperty("readAt").GetString());
    }

    [Fact]
    public async Task A_manual_removal_notifies_the_unit_and_the_street_with_the_reason()
    {
        var heping = Unit("和平社区党委");
        Arrange(heping, 4);
        var street = await app.ApiAs("street");
        var reason = $"发生违纪问题，按规定摘牌{Guid.NewGuid():N}"[..20];
        var removed = await street.PostAsJsonAsync($"/api/v1/reviews/units/{heping.Id}/stars/remove", new { reason });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        await DeliverAsync(app);

        foreach (var who in new[] { "secretary", "street" })
        {
            var n = (await InboxOf(await app.ApiAs(who))).Single(x => x.GetProperty("body").GetString()!.Contains(reason));
            Assert.Equal("和平社区党委星级被摘牌", n.GetProperty("title").GetString());
            Assert.Contains("手动摘牌（street）", n.GetProperty("body").GetString());
        }
        Assert.DoesNotContain(await InboxOf(await app.ApiAs("secretary2")), x => x.GetProperty("body").GetString()!.Contains(reason));
    }

    [Fact]
    public async Task A_refused_removal_leaves_nothing_in_the_outbox()
    {
        var heping = Unit("和平社区党委");
        var street = await app.ApiAs("street");
        var before = app.WithDb(db => db.Notifications.Count(n => n.RecipientUnitId == heping.Id));
        var r = await street.PostAsJsonAsync($"/api/v1/reviews/units/{heping.Id}/stars/remove", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(before, app.WithDb(db => db.Notifications.Count(n => n.RecipientUnitId == heping.Id)));
    }
}
