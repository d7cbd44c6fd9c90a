using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Venues.Features;

/// <summary>
/// Where the caller may see or book venues. A venue serves its whole community: a grant held below a community (a grid
/// leader's grid branch, a compound branch, a member's branch) reaches the venues of that community, not only of its own
/// subtree. Other grants reach their subtree as usual. Managing a venue is not widened: it stays <c>Scope.Can(VenueManage)</c>.
/// </summary>
public sealed class VenueReach
{
    readonly string[]? roots;

    VenueReach(string[]? roots) => this.roots = roots;

    public static async Task<VenueReach> ForAsync(LianxinDb db, OrgDirectory org, Permission permission, CancellationToken ct)
    {
        if (db.Scope.Unrestricted) return new VenueReach(null);
        var paths = new List<string>();
        foreach (var g in db.Scope.Grants.Where(g => g.Role.Allows(permission)))
            paths.Add(await org.CommunityOfAsync(g.OrgPath, ct) is { } community ? community.Path : g.OrgPath);
        return new VenueReach(Platform.Scope.OrgScope.RootsOf(paths));
    }

    public bool Reaches(string path) => roots is null || roots.Any(r => path.StartsWith(r, StringComparison.Ordinal));

    /// <summary>The venues within reach. Lifts the scope filter, and puts the reach in its place.</summary>
    public IQueryable<Venue> Venues(IQueryable<Venue> venues)
    {
        if (roots is null) return venues;
        var list = roots;
        return venues.AcrossScope().Where(v => list.Any(r => v.OrgPath.StartsWith(r)));
    }
}
