using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record RecommendationDto(Guid Id, string RecommenderName, string Home, RecommendationSource Source, string SourceName, DateTime RecordedAt);

/// <summary>The recommendations of a central household for staff (names in full: they check them), newest first.</summary>
public static class ListRecommendations
{
    public static async Task<List<RecommendationDto>> HandleAsync(LianxinDb db, Guid centralHouseholdId, CancellationToken ct) =>
        (await db.CentralHouseholdRecommendations.AcrossScope().AsNoTracking().Where(r => r.CentralHouseholdId == centralHouseholdId)
            .OrderByDescending(r => r.RecordedAt).ToListAsync(ct))
        .Select(r => new RecommendationDto(r.Id, r.RecommenderName, r.Home, r.Source, r.Source == RecommendationSource.Public ? "居民网上推荐" : "工作人员登记",
            r.RecordedAt)).ToList();
}
