using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Contracts;

/// <summary>A unit's published total in one round, out of the rubric's base points.</summary>
public record UnitRoundScore(Guid UnitId, Guid RoundId, string RoundName, double Total, int? Rank, DateTime PublishedAt);

/// <summary>Published review results as other modules read them (ADR 0016).</summary>
public class ReviewScoreDirectory(LianxinDb db)
{
    /// <summary>
    /// Each unit's latest published total in rounds scored on a 示范点 rubric (e.g. 十大标准), for units whose result rows the
    /// caller sees; the rounds themselves may be run above the caller (a street's round seen from a community). Units never
    /// reviewed so are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, UnitRoundScore>> LatestModelSiteScoresAsync(IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var list = unitIds.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<Guid, UnitRoundScore>();
        var rubrics = db.Rubrics.AcrossScope().Where(r => r.Purpose == RubricPurpose.ModelSite).Select(r => r.Id);
        var rounds = db.ReviewRounds.AcrossScope().Where(r => r.State == RoundState.Published && r.PublishedAt != null && rubrics.Contains(r.RubricId));
        var rows = await (from u in db.RoundUnits.AsNoTracking()
                          where list.Contains(u.UnitId) && u.Published && u.Total != null
                          join r in rounds on u.RoundId equals r.Id
                          select new UnitRoundScore(u.UnitId, r.Id, r.Name, u.Total!.Value, u.Rank, r.PublishedAt!.Value)).ToListAsync(ct);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.PublishedAt)!);
    }
}
