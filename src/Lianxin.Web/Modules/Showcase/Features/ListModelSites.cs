using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>A model site with its latest 十大标准 score from Reviews (null: not reviewed on a 示范点 rubric yet).</summary>
public record ModelSiteRow(Guid Id, Guid OrgUnitId, string UnitName, string Name, string? Note, DateOnly NamedOn, DateOnly ReviewDueOn, bool ReviewDue,
    double? Score, string? ScoredIn, bool CanManage, int Version);

/// <summary>The model sites of the caller's units, those due for review first, each with its latest score read through Reviews' contract.</summary>
public static class ListModelSites
{
    public static async Task<Outcome<List<ModelSiteRow>>> HandleAsync(LianxinDb db, OrgDirectory org, ReviewScoreDirectory reviews, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var today = clock.Today();
        var sites = await db.ModelSites.AsNoTracking().OrderBy(s => s.ReviewDueOn).ThenBy(s => s.Name).Take(500).ToListAsync(ct);
        var unitIds = sites.Select(s => s.OrgUnitId).Distinct().ToList();
        var names = await org.NamesAsync(unitIds, ct);
        var scores = await reviews.LatestModelSiteScoresAsync(unitIds, ct);
        return sites.Select(s =>
        {
            var score = scores.GetValueOrDefault(s.OrgUnitId);
            return new ModelSiteRow(s.Id, s.OrgUnitId, names.GetValueOrDefault(s.OrgUnitId, "—"), s.Name, s.Note, s.NamedOn, s.ReviewDueOn,
                ShowcaseRules.ReviewDue(s.ReviewDueOn, today), score?.Total, score?.RoundName, db.Scope.Can(ShowcasePermissions.SiteManage, s.OrgPath), s.Version);
        }).OrderByDescending(r => r.ReviewDue).ThenBy(r => r.ReviewDueOn).ToList();
    }
}
