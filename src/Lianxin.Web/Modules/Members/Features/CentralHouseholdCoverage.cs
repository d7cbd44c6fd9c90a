using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record GridCoverage(Guid GridId, string GridName, int Households, int LookedAfter, decimal Coverage, int CentralHouseholds);

/// <summary>Coverage per grid of a community: households looked after by approved central households ÷ households in the grid.</summary>
public static class CentralHouseholdCoverage
{
    public static async Task<Outcome<List<GridCoverage>>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, Guid communityId, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;
        var grids = await places.GridsOfCommunityAsync(communityId, ct);
        var gridIds = grids.Select(g => g.Id).ToList();
        var households = await places.HouseholdCountsByGridAsync(gridIds, ct);
        var looked = await (from l in db.CentralHouseholdLinks.AcrossScope() join c in db.CentralHouseholds.AcrossScope() on l.CentralHouseholdId equals c.Id
                            where c.Status == CentralHouseholdStatus.Approved && gridIds.Contains(c.GridId) group l by c.GridId into g select new { Grid = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Grid, x => x.N, ct);
        var chs = await db.CentralHouseholds.AcrossScope().Where(c => c.Status == CentralHouseholdStatus.Approved && gridIds.Contains(c.GridId))
            .GroupBy(c => c.GridId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return grids.Select(g => new GridCoverage(g.Id, g.Name, households.GetValueOrDefault(g.Id), looked.GetValueOrDefault(g.Id),
            CentralHousehold.Coverage(looked.GetValueOrDefault(g.Id), households.GetValueOrDefault(g.Id)), chs.GetValueOrDefault(g.Id))).ToList();
    }
}
