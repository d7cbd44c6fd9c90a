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
            .Select(a => new { a.UnitId, a.Level, a.OrgPath }).ToListAsync(ct);
        var badges = new Dictionary<Guid, UnitBadge>();
        foreach (var a in awards)
        {
            if (badges.ContainsKey(a.UnitId) || a.Level <= 0)
            {
                badges.TryAdd(a.UnitId, null!);
                continue;
            }
            var url = db.Scope.Can(ReviewPermissions.ReviewView, a.OrgPath) ? $"/reviews/units/{a.UnitId}/stars" : null;
            badges[a.UnitId] = new UnitBadge($"{a.Level}★", $"星级评定：{a.Level} 星", url);
        }
        return badges.Where(b => b.Value is not null).ToDictionary();
    }
}
