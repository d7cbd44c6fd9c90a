using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Pages the crawl cannot reach by a link although users do: the walk renders one record per route, so a link that
/// only the second record's page carries (a community's compounds, where the district comes first) or only another
/// account's page carries (a street officer's "inspect" on a campaign the admin renders first) is never followed.
/// These routes are filled from the demo data instead, the oldest records first, and tried by every account in turn.
/// </summary>
public sealed partial class PageLanguageWalk
{
    /// <summary>Error pages answer with their status code on purpose; the walk still reads them.</summary>
    static bool IsErrorPage(string url) => url.StartsWith("/error/") || url.StartsWith("/account/access-denied");

    Dictionary<string, List<string>> ExtraRoutes() => app.WithDb(db =>
    {
        var communities = db.Set<OrgUnit>().IgnoreQueryFilters().Where(u => u.Kind == OrgKind.Community && u.Status == OrgStatus.Active)
            .OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToList();
        var compounds = db.Set<Compound>().IgnoreQueryFilters().OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToList();
        var unsplit = db.Set<Compound>().IgnoreQueryFilters().Where(c => c.BranchId == null).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToList();
        var buildings = db.Set<Building>().IgnoreQueryFilters().OrderBy(b => b.Id).Select(b => b.Id).Take(3).ToList();
        var grids = db.Set<Grid>().IgnoreQueryFilters().OrderBy(g => g.Id).Select(g => g.Id).Take(3).ToList();
        var campaigns = db.Set<Campaign>().IgnoreQueryFilters().Where(c => c.State == CampaignState.Running).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToList();
        return new Dictionary<string, List<string>>
        {
            ["/error/{code:int?}"] = ["/error/404"],
            ["/org/{id:guid}/move"] = communities.Select(id => $"/org/{id}/move").ToList(),
            ["/org/{id:guid}/dissolve"] = communities.Select(id => $"/org/{id}/dissolve").ToList(),
            ["/org/compounds/new"] = communities.Select(id => $"/org/compounds/new?communityId={id}").ToList(),
            ["/org/grids/new"] = communities.Select(id => $"/org/grids/new?communityId={id}").ToList(),
            ["/org/compounds/{id:guid}"] = compounds.Select(id => $"/org/compounds/{id}").ToList(),
            ["/org/compounds/{id:guid}/edit"] = compounds.Select(id => $"/org/compounds/{id}/edit").ToList(),
            ["/org/compounds/{id:guid}/buildings/new"] = compounds.Select(id => $"/org/compounds/{id}/buildings/new").ToList(),
            ["/org/compounds/{id:guid}/split"] = unsplit.Select(id => $"/org/compounds/{id}/split").ToList(),
            ["/org/buildings/{id:guid}/households"] = buildings.Select(id => $"/org/buildings/{id}/households").ToList(),
            ["/org/grids/{id:guid}/edit"] = grids.Select(id => $"/org/grids/{id}/edit").ToList(),
            ["/campaigns/{id:guid}/inspect"] = campaigns.Select(id => $"/campaigns/{id}/inspect").ToList(),
        };
    });
}
