using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>One community's (or a street's own) items published in each month of the year, January first.</summary>
public record NewsFigureRow(Guid UnitId, string Name, IReadOnlyList<int> Months, int Total);

public record NewsFigureTable(int Year, IReadOnlyList<NewsFigureRow> Rows, IReadOnlyList<int> MonthTotals, int Total);

/// <summary>Items published per community per month (Asia/Shanghai months) in the caller's units; a street's own items have a row of their own.</summary>
public static class NewsFigures
{
    public static async Task<Outcome<NewsFigureTable>> HandleAsync(LianxinDb db, OrgDirectory org, int year, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        if (year is < 2000 or > 2100) return Failure.Invalid("year", "年份不正确。");
        var start = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
        var end = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        var items = await db.NewsItems.AsNoTracking().Where(n => n.State == NewsState.Published && n.PublishedAt >= start && n.PublishedAt < end)
            .Select(n => new { n.OrgPath, n.PublishedAt }).ToListAsync(ct);
        // Deepest first, so an item lands on its community rather than on the street above it.
        var units = (await org.InScopeAsync(ct, false, OrgKind.Street, OrgKind.Community)).ToList();
        var counts = units.ToDictionary(u => u.Id, _ => new int[12]);
        foreach (var n in items)
        {
            var unit = units.Where(u => n.OrgPath.StartsWith(u.Path, StringComparison.Ordinal)).MaxBy(u => u.Depth);
            if (unit is not null) counts[unit.Id][ChinaTime.ToBeijing(n.PublishedAt!.Value).Month - 1]++;
        }
        var rows = units.Where(u => u.IsActive || counts[u.Id].Sum() > 0)
            .Select(u => new NewsFigureRow(u.Id, u.Kind == OrgKind.Street ? string.Format(Platform.Localization.Text.Of("{0}（本级）"), u.PublicName) : u.DisplayName, counts[u.Id], counts[u.Id].Sum())).ToList();
        var monthTotals = Enumerable.Range(0, 12).Select(m => rows.Sum(r => r.Months[m])).ToList();
        return new NewsFigureTable(year, rows, monthTotals, monthTotals.Sum());
    }
}
