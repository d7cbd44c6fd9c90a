using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class AnnualReviewRequest
{
    /// <summary>The community or street whose stationed units are reviewed.</summary>
    public Guid UnitId { get; set; }
    public int Year { get; set; }
}

public record UnitReviewRow(Guid PartnerUnitId, string PartnerUnit, int Year, int Due, int Fulfilled, decimal? Rate, decimal? AverageRating, decimal Score,
    DateTime ReviewedAt, string ReviewedBy);

/// <summary>
/// 年度履约评议: every partner unit stationed in a community or street with obligations due in the year gets its fulfilment
/// counted (all its obligations, wherever signed) and scored (<see cref="LoopRules.Score"/>). Running it again replaces the
/// year's figures; they feed the indicator 共建单位履约率.
/// </summary>
public static class RunAnnualReview
{
    public static async Task<Outcome<IReadOnlyList<UnitReviewRow>>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, AnnualReviewRequest r,
        CancellationToken ct)
    {
        var unit = await CreatePartnerUnit.StationAsync(org, r.UnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.UnitId), "请选择评议的社区或街道。");
        if (!LoopAccess.Staff(db, unit.Path)) return Failure.Forbidden;
        var today = clock.Today();
        if (r.Year < 2000 || r.Year > today.Year) return Failure.Invalid(nameof(r.Year), $"评议年度须在 2000–{today.Year} 之间。");
        var (from, to) = (new DateOnly(r.Year, 1, 1), new DateOnly(r.Year, 12, 31));

        var partners = await db.PartnerUnits.AsNoTracking().Where(p => p.OrgPath.StartsWith(unit.Path)).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        // A unit's obligations count wherever they were signed: the review is of the unit, not of one agreement.
        var owed = await db.Obligations.AcrossScope().AsNoTracking().Where(o => o.PartnerUnitId != null && ids.Contains(o.PartnerUnitId.Value) && o.DueOn >= from && o.DueOn <= to)
            .Select(o => new { Unit = o.PartnerUnitId!.Value, o.FulfilledOn, o.Rating }).ToListAsync(ct);
        var existing = await db.UnitReviews.AcrossScope().Where(x => ids.Contains(x.PartnerUnitId) && x.Year == r.Year).ToDictionaryAsync(x => x.PartnerUnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var g in owed.GroupBy(o => o.Unit))
        {
            var p = partners.First(x => x.Id == g.Key);
            var ratings = g.Where(o => o.Rating is not null).Select(o => (decimal)o.Rating!.Value).ToList();
            var average = ratings.Count == 0 ? (decimal?)null : Math.Round(ratings.Average(), 2);
            var due = g.Count();
            var fulfilled = g.Count(o => o.FulfilledOn is not null);
            if (!existing.TryGetValue(p.Id, out var review))
            {
                review = new UnitReview { PartnerUnitId = p.Id, Year = r.Year };
                db.UnitReviews.Add(review);
            }
            (review.OrgPath, review.Due, review.Fulfilled, review.AverageRating, review.Score, review.ReviewedAt, review.ReviewedBy) =
                (p.OrgPath, due, fulfilled, average, LoopRules.Score(due, fulfilled, average)!.Value, now, db.Scope.UserName);
        }
        await db.SaveChangesAsync(ct);
        return await ListUnitReviews.HandleAsync(db, org, r.UnitId, r.Year, ct);
    }
}
