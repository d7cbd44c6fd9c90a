using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>A branch whose 五星支部 stars were set during the year (by a round or a higher body), and whether it was on the year's list.</summary>
public record FiveStarAwardRow(Guid UnitId, string UnitName, int Level, string? AwardingBody, string Reason, DateTime At, bool OnList);

/// <summary>The year-end 五星支部 award against the 重点培养对象 list: who was awarded (on the list or not) and who was listed but not awarded.</summary>
public record FiveStarYearDto(int Year, List<FiveStarAwardRow> Awarded, List<CultivationRow> ListedNotAwarded, int Listed);

public static class FiveStarYear
{
    public static async Task<Outcome<FiveStarYearDto>> GetAsync(LianxinDb db, OrgDirectory org, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return Failure.Invalid("Year", "年度须在 2000 到 2100 年之间。");
        var start = ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1));
        var end = ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        var rows = await db.StarAwards.AsNoTracking()
            .Where(a => a.Target == ReviewTarget.Units && a.Programme == RubricPurpose.FiveStar && a.At >= start && a.At < end)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
        // The year's last word on each unit: one awarded in spring and taken off in autumn was not awarded this year.
        var awarded = rows.GroupBy(a => a.UnitId).Select(g => g.First()).Where(a => a.Level > 0 && Cultivation.Sees(db, a.OrgPath)).ToList();
        var listed = (await Cultivation.ListAsync(db, year, ct)).Where(c => c.Active).ToList();
        var onList = listed.Select(c => c.UnitId).ToHashSet();
        var names = await org.NamesAsync(awarded.Select(a => a.UnitId).ToList(), ct);
        var awardedIds = awarded.Select(a => a.UnitId).ToHashSet();
        return new FiveStarYearDto(year,
            awarded.Select(a => new FiveStarAwardRow(a.UnitId, names.GetValueOrDefault(a.UnitId, ""), a.Level, a.AwardingBody, a.Reason, a.At, onList.Contains(a.UnitId)))
                .OrderByDescending(a => a.OnList).ThenByDescending(a => a.Level).ThenBy(a => a.UnitName, NaturalOrder.Instance).ToList(),
            listed.Where(c => !awardedIds.Contains(c.UnitId)).ToList(), listed.Count);
    }
}
