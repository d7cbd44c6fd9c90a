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
        // Few rows: every award of these units, newest first; the first per unit is its level.
        var awards = await db.StarAwards.AsNoTracking().Where(a => ids.Contains(a.UnitId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.UnitId, a.Programme, a.Level, a.OrgPath }).ToListAsync(ct);
        var badges = new Dictionary<Guid, UnitBadge>();
        // The current level of each programme is its latest row; the badge shows 五星支部 first, else the highest level held.
        foreach (var unit in awards.GroupBy(a => a.UnitId))
        {
            var current = unit.GroupBy(a => a.Programme).Select(p => p.First()).Where(a => a.Level > 0)
                .OrderByDescending(a => a.Programme == RubricPurpose.FiveStar).ThenByDescending(a => a.Level).FirstOrDefault();
            if (current is null) continue;
            var url = db.Scope.Can(ReviewPermissions.ReviewView, current.OrgPath) ? $"/reviews/units/{unit.Key}/stars" : null;
            badges[unit.Key] = new UnitBadge($"{current.Level}★", $"星级评定：{current.Level} 星", url);
        }
        return badges;
    }
}
