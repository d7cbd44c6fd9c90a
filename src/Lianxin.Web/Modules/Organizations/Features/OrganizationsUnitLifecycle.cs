using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary>The places and positions under a moved unit (the units themselves are moved by <see cref="MoveUnit"/>).</summary>
public class OrganizationsUnitLifecycle : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["org_positions"] = await db.RebaseAsync<OrgPosition>(oldRoot, newRoot, ct),
            ["org_grids"] = await db.RebaseAsync<Grid>(oldRoot, newRoot, ct),
            ["org_compounds"] = await db.RebaseAsync<Compound>(oldRoot, newRoot, ct),
            ["org_buildings"] = await db.RebaseAsync<Building>(oldRoot, newRoot, ct),
            ["org_households"] = await db.RebaseAsync<Household>(oldRoot, newRoot, ct),
            ["org_unit_counts"] = await db.RebaseAsync<UnitCounts>(oldRoot, newRoot, ct),
        };

    // Sub-units are checked by OrgRules.CheckDissolve; places fall back to the parent when a unit is dissolved.
    public Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct) => Task.FromResult<string?>(null);
}
