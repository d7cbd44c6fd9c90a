using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>
/// Finds the compounds where the caller may raise a motion, by part of their name, for the motion form's picker (issue 15:
/// 6,000 compounds in a district at size L made the form a 1 MB select). Only compounds under the caller's grants with
/// <see cref="DeliberationPermissions.Raise"/> are found, a page at a time, through Organizations' <see cref="CompoundChoices"/>.
/// </summary>
public static class SearchMotionCompounds
{
    const string ListName = "deliberation-compound-choices";

    public record Query(string? Q, string? Cursor = null, int? Limit = null);

    public static async Task<Outcome<CompoundChoicePage>> HandleAsync(LianxinDb db, PlaceDirectory places, OrgDirectory org, Query query, CancellationToken ct) =>
        !db.Scope.CanAnywhere(DeliberationPermissions.Raise) ? Failure.Forbidden
            : await CompoundChoices.SearchAsync(places, org, ListName, query.Q, query.Cursor, query.Limit,
                db.Scope.Unrestricted ? null : db.Scope.RootsWith(DeliberationPermissions.Raise), ct);

    /// <summary>The compound as a choice when the caller may raise a motion there (the form's chosen compound), else null.</summary>
    public static async Task<CompoundChoice?> OneAsync(LianxinDb db, PlaceDirectory places, OrgDirectory org, Guid id, CancellationToken ct) =>
        await CompoundAccess.SeenAsync(db, places, id, ct) is { } c && db.Scope.Can(DeliberationPermissions.Raise, c.OrgPath)
            ? (await CompoundChoices.OfAsync(org, [c], ct))[0] : null;
}
