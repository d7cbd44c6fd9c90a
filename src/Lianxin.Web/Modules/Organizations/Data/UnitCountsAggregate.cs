using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Web.Modules.Organizations.Data;

/// <summary>
/// Keeps <c>org_unit_counts</c> in step with the grids, compounds, buildings and households (ADR 0026) and with the active
/// units by kind (ADR 0054): on every save it turns the tracked changes of places and units into +1/-1 per unit path and adds them in the same transaction with one upsert per
/// unit, so concurrent saves add up instead of overwriting each other. Moves rebase the rows like any scoped table
/// (<see cref="Features.OrganizationsUnitLifecycle"/>); the counts per unit do not change with a move. A unit counts itself
/// while it is active: created (+1), dissolved (-1); its kind never changes.
/// </summary>
public sealed class UnitCountsAggregate : IMaintainedAggregate
{
    public string Name => "org_unit_counts";

    public async Task<Func<CancellationToken, Task>?> StageAsync(LianxinDb db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is Grid or Compound or Building or Household or OrgUnit && e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .ToList();
        if (changed.Count == 0) return null;
        var tally = new CountsTally();

        // A grid's branch before and after this save: tracked grids from the tracker, the others from the database.
        var trackedGrids = db.ChangeTracker.Entries<Grid>().ToDictionary(e => e.Entity.Id, e => (
            Before: e.State != EntityState.Added && Original<Guid?>(e, nameof(Grid.BranchId)) != null,
            After: e.State != EntityState.Deleted && e.Entity.BranchId != null));
        var compounds = changed.Where(e => e.Entity is Compound).ToList();
        var gridIds = compounds.SelectMany(e => new[] { Original<Guid?>(e, nameof(Compound.GridId)), ((Compound)e.Entity).GridId })
            .OfType<Guid>().Where(g => !trackedGrids.ContainsKey(g)).Distinct().ToList();
        var stored = gridIds.Count == 0 ? [] : await db.Grids.AcrossScope().AsNoTracking().Where(g => gridIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.BranchId != null, ct);
        bool GridBranch(Guid? id, bool after) => id is { } g &&
            (trackedGrids.TryGetValue(g, out var t) ? after ? t.After : t.Before : stored.GetValueOrDefault(g));

        foreach (var e in changed)
        {
            var tenant = ((Entity)e.Entity).TenantId;
            var before = e.State != EntityState.Added;
            var after = e.State != EntityState.Deleted;
            var pathBefore = before && e.Entity is not OrgUnit ? Original<string>(e, nameof(IOrgScoped.OrgPath))! : ""; // a unit's own is Path
            switch (e.Entity)
            {
                case Grid g:
                    if (before) tally.Grid(tenant, pathBefore, Original<Guid?>(e, nameof(Grid.BranchId)) != null, -1);
                    if (after) tally.Grid(tenant, g.OrgPath, g.BranchId != null, +1);
                    break;
                case Compound c:
                    if (before)
                    {
                        var own = Original<Guid?>(e, nameof(Compound.BranchId)) != null;
                        tally.Compound(tenant, pathBefore, own, own || GridBranch(Original<Guid?>(e, nameof(Compound.GridId)), after: false), -1);
                    }
                    if (after) tally.Compound(tenant, c.OrgPath, c.BranchId != null, c.BranchId != null || GridBranch(c.GridId, after: true), +1);
                    break;
                case Building b:
                    if (before) tally.Building(tenant, pathBefore, Original<Guid?>(e, nameof(Building.LeaderMemberId)) != null, -1);
                    if (after) tally.Building(tenant, b.OrgPath, b.LeaderMemberId != null, +1);
                    break;
                case Household h:
                    if (before) tally.Households(tenant, pathBefore, -1);
                    if (after) tally.Households(tenant, h.OrgPath, +1);
                    break;
                case OrgUnit u:
                    // Only a change of state counts: a move keeps the row (rebased with the subtree), an edit changes no figure.
                    var wasActive = before && Original<OrgStatus>(e, nameof(OrgUnit.Status)) == OrgStatus.Active;
                    var isActive = after && u.Status == OrgStatus.Active;
                    if (wasActive && !isActive) tally.Units(tenant, Original<string>(e, nameof(OrgUnit.Path))!, Original<OrgKind>(e, nameof(OrgUnit.Kind)), -1);
                    if (isActive && !wasActive) tally.Units(tenant, u.Path, u.Kind, +1);
                    break;
            }
        }

        // Compounds this save does not touch whose grid gains or loses its branch: covered or no longer.
        var flipped = trackedGrids.Where(g => g.Value.Before != g.Value.After).Select(g => g.Key).ToList();
        if (flipped.Count > 0)
        {
            var touched = compounds.Select(e => ((Compound)e.Entity).Id).ToList();
            foreach (var c in await db.Compounds.AcrossScope().AsNoTracking()
                         .Where(c => c.GridId != null && flipped.Contains(c.GridId.Value) && c.BranchId == null && !touched.Contains(c.Id))
                         .Select(c => new { c.TenantId, c.OrgPath, GridId = c.GridId!.Value }).ToListAsync(ct))
                tally.Covered(c.TenantId, c.OrgPath, trackedGrids[c.GridId].After ? +1 : -1);
        }

        var changes = tally.Changes.ToList();
        return changes.Count == 0 ? null : ct2 => AddAsync(db, changes, ct2);
    }

    public async Task<int> RebuildAsync(LianxinDb db, CancellationToken ct)
    {
        await db.Set<UnitCounts>().AcrossScope().ExecuteDeleteAsync(ct);
        var tenant = db.CurrentTenantId;
        var tally = new CountsTally();
        foreach (var g in await db.Grids.AcrossScope().GroupBy(g => g.OrgPath)
                     .Select(k => new { k.Key, N = k.Count(), B = k.Count(g => g.BranchId != null) }).ToListAsync(ct))
        {
            tally.Grid(tenant, g.Key, false, g.N - g.B);
            tally.Grid(tenant, g.Key, true, g.B);
        }
        var withBranch = (await db.Grids.AcrossScope().Where(g => g.BranchId != null).Select(g => g.Id).ToListAsync(ct)).ToHashSet();
        foreach (var c in await db.Compounds.AcrossScope().Select(c => new { c.OrgPath, c.BranchId, c.GridId }).ToListAsync(ct))
            tally.Compound(tenant, c.OrgPath, c.BranchId != null, c.BranchId != null || c.GridId is { } g && withBranch.Contains(g), +1);
        foreach (var b in await db.Buildings.AcrossScope().GroupBy(b => b.OrgPath)
                     .Select(k => new { k.Key, N = k.Count(), L = k.Count(b => b.LeaderMemberId != null) }).ToListAsync(ct))
        {
            tally.Building(tenant, b.Key, false, b.N - b.L);
            tally.Building(tenant, b.Key, true, b.L);
        }
        foreach (var h in await db.Households.AcrossScope().GroupBy(h => h.OrgPath).Select(k => new { k.Key, N = k.Count() }).ToListAsync(ct))
            tally.Households(tenant, h.Key, h.N);
        foreach (var u in await db.OrgUnits.AcrossScope().Where(u => u.Status == OrgStatus.Active).Select(u => new { u.Path, u.Kind }).ToListAsync(ct))
            tally.Units(tenant, u.Path, u.Kind, 1);
        var changes = tally.Changes.ToList();
        await AddAsync(db, changes, ct);
        return changes.Count;
    }

    /// <summary>Adds to each unit's row, creating it at its first place; one statement per unit, the same on both providers.</summary>
    static async Task AddAsync(LianxinDb db, IReadOnlyList<(Guid Tenant, string Path, int[] By)> changes, CancellationToken ct)
    {
        foreach (var (tenant, path, by) in changes)
            await db.Database.ExecuteSqlRawAsync(Upsert, [OrgRules.IdsOf(path)[^1], tenant, path, .. by.Cast<object>()], ct);
    }

    const string Upsert = """
        INSERT INTO org_unit_counts ("Id", "TenantId", "OrgPath", "Grids", "GridsWithBranch", "Compounds", "CompoundsWithOwnBranch",
            "CompoundsCovered", "Buildings", "BuildingsWithLeader", "Households",
            "ActiveDistricts", "ActiveStreets", "ActiveCommunities", "ActiveBranches", "ActiveGroups", "ActiveDepartments")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16})
        ON CONFLICT ("Id") DO UPDATE SET
            "Grids" = org_unit_counts."Grids" + excluded."Grids",
            "GridsWithBranch" = org_unit_counts."GridsWithBranch" + excluded."GridsWithBranch",
            "Compounds" = org_unit_counts."Compounds" + excluded."Compounds",
            "CompoundsWithOwnBranch" = org_unit_counts."CompoundsWithOwnBranch" + excluded."CompoundsWithOwnBranch",
            "CompoundsCovered" = org_unit_counts."CompoundsCovered" + excluded."CompoundsCovered",
            "Buildings" = org_unit_counts."Buildings" + excluded."Buildings",
            "BuildingsWithLeader" = org_unit_counts."BuildingsWithLeader" + excluded."BuildingsWithLeader",
            "Households" = org_unit_counts."Households" + excluded."Households",
            "ActiveDistricts" = org_unit_counts."ActiveDistricts" + excluded."ActiveDistricts",
            "ActiveStreets" = org_unit_counts."ActiveStreets" + excluded."ActiveStreets",
            "ActiveCommunities" = org_unit_counts."ActiveCommunities" + excluded."ActiveCommunities",
            "ActiveBranches" = org_unit_counts."ActiveBranches" + excluded."ActiveBranches",
            "ActiveGroups" = org_unit_counts."ActiveGroups" + excluded."ActiveGroups",
            "ActiveDepartments" = org_unit_counts."ActiveDepartments" + excluded."ActiveDepartments"
        """;

    static T? Original<T>(EntityEntry e, string property) => (T?)e.Property(property).OriginalValue;
}
