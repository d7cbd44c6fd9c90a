using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

/// <summary>The current star level as a ★ badge beside a unit in the org tree and on its card; read within the caller's scope.</summary>
public class StarBadges(LianxinDb db) : IUnitBadgeSource
{
    public async Task<IReadOnlyDictionary<Guid, UnitBadge>> ForAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        // Few rows: every award of these units, newest first.
        var awards = await db.StarAwards.AsNoTracking().Where(a => ids.Contains(a.UnitId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.UnitId, a.Programme, a.Level, a.OrgPath }).ToListAsync(ct);
        var badges = new Dictionary<Guid, UnitBadge>();
        // The current level of each programme is its latest row. 五星支部 is the title a unit is known by: once rated there, the badge
        // is that level (none after 摘牌, whatever other ladders say); otherwise the highest level it holds elsewhere.
        foreach (var unit in awards.GroupBy(a => a.UnitId))
        {
            var programmes = unit.GroupBy(a => a.Programme).Select(p => p.First()).ToList();
            var current = programmes.FirstOrDefault(a => a.Programme == RubricPurpose.FiveStar) ?? programmes.MaxBy(a => a.Level);
            if (current is null || current.Level <= 0) continue;
            var url = db.Scope.Can(ReviewPermissions.ReviewView, current.OrgPath) ? $"/reviews/units/{unit.Key}/stars" : null;
            badges[unit.Key] = new UnitBadge($"{current.Level}★", $"星级评定：{current.Level} 星", url);
        }
        return badges;
    }
}
