using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record ArrearsReport(Guid UnitId, string UnitName, DateOnly From, DateOnly To, int Required, int Credited, int Owing,
    IReadOnlyList<BranchCompliance> Branches, IReadOnlyDictionary<string, string> Communities)
{
    public decimal? Rate => Required == 0 ? null : (decimal)Credited / Required;
}

/// <summary>
/// 欠账: for a unit's subtree and a span (default: this year so far), which branches owe which meetings, how many and since
/// when, with attendance rates and members absent three times in a row. Branches owing most come first.
/// </summary>
public static class GetArrears
{
    public static async Task<Outcome<ArrearsReport>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var id = unitId ?? db.Scope.Current?.OrgUnitId;
        var unit = id is { } u ? await org.FindAsync(u, ct) : null;
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, unit.Path)) return Failure.Forbidden;
        var today = clock.Today();
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        var e = new Errors();
        if (end < start) e.Fail("To", "截止日期不能早于起始日期。");
        else if (end.DayNumber - start.DayNumber > 366 * 5) e.Fail("To", "统计区间不能超过五年。");
        if (e.Any) return Failure.Invalid(e);

        var branches = (await ComplianceData.AssessAsync(db, org, unit.Path, start, end, ct))
            .OrderByDescending(b => b.Arrears.Sum(a => a.Owed)).ThenBy(b => b.Path).ToList();
        // The community each branch lies in, for the table (a street's page lists dozens of branches).
        var communities = (await org.SubtreeAsync(unit.Path, ct)).Where(x => x.Kind == OrgKind.Community).ToList();
        var communityOf = branches.ToDictionary(b => b.Path, b => communities.FirstOrDefault(c => b.Path.StartsWith(c.Path))?.DisplayName ?? "");
        return new ArrearsReport(unit.Id, unit.DisplayName, start, end, branches.Sum(b => b.Required), branches.Sum(b => b.Credited),
            branches.Count(b => b.Arrears.Count > 0), branches, communityOf);
    }
}
