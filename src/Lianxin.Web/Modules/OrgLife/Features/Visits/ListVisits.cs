using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Visits;

public record VisitRow(Guid Id, DateOnly VisitedOn, string Address, string Visitor, string Findings, bool NeedsFollowUp, Guid? DemandId, string? DemandTicket);

public record VisitorCount(string Visitor, int Visits);

/// <summary>
/// Visits in a unit's subtree over [From, To]: the visits, visits per person, the share of households visited (distinct
/// households visited ÷ households, <see cref="Covered"/>/<see cref="Households"/>) and the demands raised from visits.
/// </summary>
public record VisitReport(Guid? UnitId, string UnitName, DateOnly From, DateOnly To, IReadOnlyList<VisitRow> Visits, int Total,
    IReadOnlyList<VisitorCount> PerVisitor, int Covered, int Households, int DemandsRaised, bool CanLog)
{
    public decimal? Coverage => Households == 0 ? null : Math.Round((decimal)Covered / Households * 100, 1);
}

public static class ListVisits
{
    public const int Shown = 200;

    public static async Task<Outcome<VisitReport>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock,
        Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var today = clock.Today();
        var (f, t) = (from ?? today.AddDays(-29), to ?? today);
        if (t < f) return Failure.Invalid("To", "截止日期不能早于起始日期。");
        if (t.DayNumber - f.DayNumber > 366) return Failure.Invalid("To", "查询区间不能超过一年。");
        string[] roots;
        var name = "辖区";
        if (unitId is { } id)
        {
            if (await org.FindAsync(id, ct) is not { } unit) return Failure.NotFound;
            roots = [unit.Path];
            name = unit.DisplayName;
        }
        else roots = db.Scope.Unrestricted ? [""] : db.Scope.Paths;

        var q = db.HouseholdVisits.AsNoTracking().Where(v => v.VisitedOn >= f && v.VisitedOn <= t);
        if (unitId is not null) q = q.Where(v => v.OrgPath.StartsWith(roots[0]));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.CreatedAt).Take(Shown)
            .Select(v => new VisitRow(v.Id, v.VisitedOn, v.Address, v.VisitorName, v.Findings, v.NeedsFollowUp, v.DemandId, v.DemandTicket)).ToListAsync(ct);
        var perVisitor = (await q.GroupBy(v => v.VisitorName).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.N).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => new VisitorCount(x.Key, x.N)).ToList();
        var covered = await q.Select(v => v.HouseholdId).Distinct().CountAsync(ct);
        var households = 0;
        foreach (var root in roots) households += await places.CountHouseholdsUnderAsync(root, ct);
        var raised = await q.CountAsync(v => v.DemandId != null, ct);
        return new VisitReport(unitId, name, f, t, rows, total, perVisitor, covered, households, raised, db.Scope.CanAnywhere(OrgLifeWorkPermissions.Visit));
    }
}
