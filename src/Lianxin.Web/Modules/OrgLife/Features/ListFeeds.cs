using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record FeedRow(Guid BranchId, string Branch, string? Url);

/// <summary>The branches whose meetings the caller records, with their calendar feed URL where one was issued.</summary>
public static class ListFeeds
{
    public const int Limit = 100;

    public static async Task<Outcome<IReadOnlyList<FeedRow>>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.Record)) return Failure.Forbidden;
        var branches = (await org.InScopeAsync(ct, true, OrgKind.Branch)).Where(b => db.Scope.Can(OrgLifePermissions.Record, b.Path)).Take(Limit).ToList();
        var ids = branches.Select(b => b.Id).ToList();
        var tokens = await db.BranchFeeds.AsNoTracking().Where(f => ids.Contains(f.BranchId)).ToDictionaryAsync(f => f.BranchId, f => f.Token, ct);
        return branches.Select(b => new FeedRow(b.Id, b.DisplayName, tokens.TryGetValue(b.Id, out var t) ? ResetFeedToken.UrlOf(t) : null)).ToList();
    }
}
