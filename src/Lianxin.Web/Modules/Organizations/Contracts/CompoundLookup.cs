using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Contracts;

/// <summary>A compound (小区) as other modules see it; <see cref="GridBranchId"/> is the branch of its grid, where demands about it go.</summary>
public record CompoundRoute(Guid Id, Guid CommunityId, string Name, Guid? GridBranchId);

/// <summary>
/// Compounds for the modules that pick or route by them (Demands). Names and places of compounds are public facts (the
/// anonymous intake lists them), so the methods named <c>…InDistrict…</c> read them whether the caller sees them or not.
/// </summary>
public class CompoundLookup(LianxinDb db)
{
    /// <summary>Compounds by name, each with its grid's branch (grids read across the scope: a compound's grid is where it lies).</summary>
    async Task<List<CompoundRoute>> RefsAsync(IQueryable<Domain.Compound> compounds, CancellationToken ct)
    {
        var rows = await compounds.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.CommunityId, c.Name, c.GridId }).ToListAsync(ct);
        var gridIds = rows.Where(c => c.GridId is not null).Select(c => c.GridId!.Value).Distinct().ToList();
        var branches = gridIds.Count == 0 ? [] : await db.Grids.AcrossScope().Where(g => gridIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.BranchId, ct);
        return rows.Select(c => new CompoundRoute(c.Id, c.CommunityId, c.Name, c.GridId is { } g ? branches.GetValueOrDefault(g) : null)).ToList();
    }

    /// <summary>The compounds of a community the caller sees, by name.</summary>
    public async Task<IReadOnlyList<CompoundRoute>> OfCommunityAsync(Guid communityId, CancellationToken ct) =>
        await RefsAsync(db.Compounds.Where(c => c.CommunityId == communityId), ct);

    /// <summary>The compounds of the given communities, seen or not, by name.</summary>
    public async Task<IReadOnlyList<CompoundRoute>> OfCommunitiesInDistrictAsync(IEnumerable<Guid> communityIds, CancellationToken ct)
    {
        var ids = communityIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await RefsAsync(db.Compounds.AcrossScope().Where(c => ids.Contains(c.CommunityId)), ct);
    }

    /// <summary>The compound anywhere in the district (a resident names it on the public intake), or null.</summary>
    public async Task<CompoundRoute?> FindInDistrictAsync(Guid id, CancellationToken ct) =>
        (await RefsAsync(db.Compounds.AcrossScope().Where(c => c.Id == id), ct)).FirstOrDefault();
}
