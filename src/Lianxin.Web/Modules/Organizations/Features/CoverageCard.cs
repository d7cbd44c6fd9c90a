using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>The home page's coverage row for the unit the user acts for, when their role may see the tree.</summary>
public class CoverageCard(LianxinDb db) : IHomeCardSource
{
    public async Task<HomeCard?> ForAsync(RoleGrant current, CancellationToken ct)
    {
        if (!current.Role.Allows(OrgPermissions.OrgView)) return null;
        var c = await PlaceTotals.UnderAsync(db.UnitCounts, current.OrgPath, ct);
        return new HomeCard("覆盖情况", $"/org/{current.OrgUnitId}",
        [
            new("小区党支部覆盖率", $"{Coverage.Rate(c.CompoundsWithOwnBranch, c.Compounds):0.#}%", $"{c.CompoundsWithOwnBranch} / {c.Compounds}"),
            new("小区党组织覆盖率", $"{Coverage.Rate(c.CompoundsCovered, c.Compounds):0.#}%", $"{c.CompoundsCovered} / {c.Compounds}"),
            new("网格党支部覆盖率", $"{Coverage.Rate(c.GridsWithBranch, c.Grids):0.#}%", $"{c.GridsWithBranch} / {c.Grids}"),
            new("楼栋长覆盖率", $"{Coverage.Rate(c.BuildingsWithLeader, c.Buildings):0.#}%", $"{c.BuildingsWithLeader} / {c.Buildings}"),
        ]);
    }
}
