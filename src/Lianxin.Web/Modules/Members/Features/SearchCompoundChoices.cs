using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// Finds compounds by part of their name for the member form's residence picker (issue 15: a district has 6,000 compounds,
/// too many for a select box). Only compounds the caller sees are found, a page at a time, through Organizations' <see cref="CompoundChoices"/>.
/// </summary>
public static class SearchCompoundChoices
{
    const string ListName = "member-compound-choices";

    public record Query(string? Q, string? Cursor = null, int? Limit = null);

    public static async Task<Outcome<CompoundChoicePage>> HandleAsync(LianxinDb db, PlaceDirectory places, OrgDirectory org, Query query, CancellationToken ct) =>
        !db.Scope.CanAnywhere(MemberPermissions.MemberView) ? Failure.Forbidden
            : await CompoundChoices.SearchAsync(places, org, ListName, query.Q, query.Cursor, query.Limit, roots: null, ct);
}
