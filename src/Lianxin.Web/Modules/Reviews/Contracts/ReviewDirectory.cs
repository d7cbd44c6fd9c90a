using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Contracts;

/// <summary>A unit's total in the last published round it was reviewed in.</summary>
public record UnitLatestScore(Guid UnitId, string Path, string RoundName, DateTime? PublishedAt, double Total);

/// <summary>
/// Published review results as other modules read them (ADR 0016): the street's rectification of weak branches asks which units
/// scored low or had findings round after round. It reads across scope; callers pass a subtree they see.
/// </summary>
public class ReviewDirectory(LianxinDb db)
{
    /// <summary>Each unit under <paramref name="subtreePath"/> with its total in the latest published round that reviewed it.</summary>
    public async Task<IReadOnlyList<UnitLatestScore>> LatestScoresAsync(string subtreePath, CancellationToken ct)
    {
        var rows = await (from u in db.RoundUnits.AcrossScope().AsNoTracking()
                          join r in db.ReviewRounds.AcrossScope().AsNoTracking() on u.RoundId equals r.Id
                          where u.OrgPath.StartsWith(subtreePath) && u.Published && u.Total != null && r.State == RoundState.Published
                          select new { u.UnitId, u.OrgPath, r.Name, r.PublishedAt, r.CreatedAt, Total = u.Total!.Value }).ToListAsync(ct);
        return rows.GroupBy(x => x.UnitId)
            .Select(g => g.OrderBy(x => x.PublishedAt).ThenBy(x => x.CreatedAt).Last())
            .Select(x => new UnitLatestScore(x.UnitId, x.OrgPath, x.Name, x.PublishedAt, x.Total)).ToList();
    }

    /// <summary>For each unit under <paramref name="subtreePath"/>, in how many rounds since <paramref name="since"/> reviewers found problems.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RoundsWithFindingsAsync(string subtreePath, DateTime since, CancellationToken ct) =>
        await db.Findings.AcrossScope().AsNoTracking().Where(f => f.OrgPath.StartsWith(subtreePath) && f.At >= since)
            .Select(f => new { f.UnitId, f.RoundId }).Distinct()
            .GroupBy(f => f.UnitId).Select(g => new { g.Key, Rounds = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Rounds, ct);
}
