using Lianxin.Tests.Support;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Reviews;

/// <summary>The coordinator closes a round at the moment a reviewer saves a sheet in it, each through its own DbContext.</summary>
[Collection(AppCollection.Name)]
public class RoundCloseConcurrencyTests(LianxinApp app)
{
    [Fact]
    public async Task A_sheet_saved_while_the_round_is_being_closed_is_refused_with_409_and_nothing_is_written()
    {
        var (roundId, sheetId, version) = await OpenRoundAsync("截止与保存并发（一）");
        await using var saving = app.Services.CreateAsyncScope();
        // The reviewer's save has read the round (still open); before it writes, the coordinator closes the round.
        var db = Interleave.BeforeFirstTransaction(AsReviewer(saving), async () => Assert.True((await CloseAsync(roundId)).IsOk));

        var saved = await ScoreSheets.SaveAsync(db, TimeProvider.System, sheetId, Scores(version), default);

        Assert.Equal(OutcomeKind.Conflict, saved.Kind);
        var (round, sheet) = app.WithDb(d => (d.ReviewRounds.Single(r => r.Id == roundId), d.ScoreSheets.Single(s => s.Id == sheetId)));
        Assert.Equal(RoundState.Closed, round.State);
        Assert.Equal((version, 0.0, 0), (sheet.Version, sheet.Total, sheet.Entries.Count));
    }

    [Fact]
    public async Task A_sheet_saved_before_the_close_commits_is_kept_and_the_round_closes()
    {
        var (roundId, sheetId, version) = await OpenRoundAsync("截止与保存并发（二）");
        await using var closing = app.Services.CreateAsyncScope();
        Outcome<SheetRow>? saved = null;
        // The coordinator's close has read the round; before it writes, the reviewer's save runs to the end.
        var db = Interleave.BeforeFirstTransaction(AsSystem(closing), async () =>
        {
            await using var saving = app.Services.CreateAsyncScope();
            saved = await ScoreSheets.SaveAsync(AsReviewer(saving).ServiceProvider.GetRequiredService<LianxinDb>(), TimeProvider.System, sheetId, Scores(version), default);
        });

        var closed = await ChangeRoundState.HandleAsync(db, closing.ServiceProvider.GetRequiredService<OrgDirectory>(), TimeProvider.System, roundId, RoundState.Closed, new StateRequest(RoundVersion(roundId)), default);

        Assert.True(saved!.IsOk, saved.Message);
        Assert.True(closed.IsOk, closed.Message);
        var sheet = app.WithDb(d => d.ScoreSheets.Single(s => s.Id == sheetId));
        Assert.Equal(80.0, sheet.Total);
    }

    static SaveSheetRequest Scores(int version) => new() { Entries = new() { ["A1"] = new ItemEntry(50), ["B1"] = new ItemEntry(30) }, Version = version };

    int RoundVersion(Guid roundId) => app.WithDb(d => d.ReviewRounds.Single(r => r.Id == roundId).Version);

    async Task<Outcome<RoundSaved>> CloseAsync(Guid roundId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var system = AsSystem(scope).ServiceProvider;
        return await ChangeRoundState.HandleAsync(system.GetRequiredService<LianxinDb>(), system.GetRequiredService<OrgDirectory>(), TimeProvider.System, roundId, RoundState.Closed,
            new StateRequest(RoundVersion(roundId)), default);
    }

    IServiceScope AsSystem(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(app.WithDb(d => d.CurrentTenantId));
        return scope;
    }

    /// <summary>The demo reviewer, as the middleware would set them up for a request.</summary>
    IServiceScope AsReviewer(IServiceScope scope)
    {
        var (user, grants) = app.WithDb(d =>
        {
            var u = d.Users.Single(x => x.UserName == "reviewer");
            return (u, d.RoleGrants.Where(g => g.UserId == u.Id).ToList());
        });
        scope.ServiceProvider.GetRequiredService<OrgScope>().SetUser(user.Id, user.UserName!, user.TenantId, grants, null);
        return scope;
    }

    /// <summary>An open round with the demo reviewer on the panel: its id, the reviewer's sheet and its version.</summary>
    async Task<(Guid Round, Guid Sheet, int Version)> OpenRoundAsync(string name)
    {
        var reviewerId = RoundSetup.UserId(app, "reviewer");
        var roundId = await RoundSetup.OpenAsync(app, name, reviewerId);
        var sheet = app.WithDb(d => d.ScoreSheets.Single(s => s.RoundId == roundId && s.ReviewerId == reviewerId));
        return (roundId, sheet.Id, sheet.Version);
    }
}
