using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>Who may see and do what with a round, on top of the org-scope query filter.</summary>
public static class ReviewAccess
{
    public static bool Coordinates(this LianxinDb db, ReviewRound round) => db.Scope.Can(ReviewPermissions.ReviewManage, round.OrgPath);

    public static Task<bool> SitsOnAsync(this LianxinDb db, Guid roundId, CancellationToken ct) =>
        db.Scope.UserId is { } me ? db.Panelists.AnyAsync(p => p.RoundId == roundId && p.UserId == me, ct) : Task.FromResult(false);

    /// <summary>The round when the caller coordinates it or sits on its panel; reviewers never see rounds they are not on.</summary>
    public static async Task<ReviewRound?> RoundAsync(this LianxinDb db, Guid id, CancellationToken ct)
    {
        var round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        if (db.Coordinates(round) || await db.SitsOnAsync(id, ct)) return round;
        return null;
    }

    public static async Task<RubricDefinition> DefinitionAsync(this LianxinDb db, Guid rubricId, CancellationToken ct) =>
        (await db.Rubrics.AcrossScope().Where(r => r.Id == rubricId).FirstAsync(ct)).Definition;

    public static DateTime Now(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static Errors ToErrors(this Dictionary<string, string> e, string prefix = "")
    {
        var errors = new Errors();
        foreach (var (k, v) in e) errors.Fail(prefix + k, v);
        return errors;
    }
}
