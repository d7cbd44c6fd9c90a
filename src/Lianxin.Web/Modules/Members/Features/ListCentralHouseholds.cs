using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>
/// A central household as staff see it: <see cref="Recommenders"/> is counted from the recommendation records (群众推荐),
/// <see cref="LegacyRecommenders"/> the number typed before they were recorded by name (history, not added in).
/// </summary>
public record CentralHouseholdDto(Guid Id, Guid MemberId, string MemberName, Guid GridId, string GridName, bool SelfNominated, int Recommenders, int LegacyRecommenders,
    CentralHouseholdStatus Status, string StatusName, DateOnly NominatedOn, DateOnly? ApprovedOn, DateOnly? EndedOn, string? EndReason, Guid? ReplacedById,
    string Duties, int LookedAfter, int Version);

/// <summary>党员中心户 rows with their derived recommender count and households looked after.</summary>
public static class ListCentralHouseholds
{
    public static async Task<List<CentralHouseholdDto>> HandleAsync(LianxinDb db, PlaceDirectory places, IQueryable<CentralHousehold> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().OrderBy(c => c.GridId).ThenBy(c => c.Status == CentralHouseholdStatus.Ended).ThenBy(c => c.MemberName).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.CentralHouseholdLinks.AcrossScope().Where(l => ids.Contains(l.CentralHouseholdId))
            .GroupBy(l => l.CentralHouseholdId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var recommended = await db.CentralHouseholdRecommendations.AcrossScope().Where(r => ids.Contains(r.CentralHouseholdId))
            .GroupBy(r => r.CentralHouseholdId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var grids = (await places.GridsAsync(rows.Select(r => r.GridId), ct)).ToDictionary(g => g.Id, g => g.Name);
        return rows.Select(c => new CentralHouseholdDto(c.Id, c.MemberId, c.MemberName, c.GridId, grids.GetValueOrDefault(c.GridId, "—"), c.SelfNominated,
            recommended.GetValueOrDefault(c.Id), c.LegacyRecommenders, c.Status, CentralHousehold.Chinese(c.Status), c.NominatedOn, c.ApprovedOn, c.EndedOn, c.EndReason,
            c.ReplacedById, c.Duties ?? CentralHouseholdDuties.Default, counts.GetValueOrDefault(c.Id), c.Version)).ToList();
    }

    public static async Task<CentralHouseholdDto> OneAsync(LianxinDb db, PlaceDirectory places, Guid id, CancellationToken ct) =>
        (await HandleAsync(db, places, db.CentralHouseholds.AcrossScope().Where(c => c.Id == id), ct))[0];
}
