using System.Security.Cryptography;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record FeedLink(Guid BranchId, string Url);

/// <summary>Gives a branch its private calendar feed, or a new token for it: the old URL stops working at once (a leaked link is revoked this way).</summary>
public static class ResetFeedToken
{
    public static async Task<Outcome<FeedLink>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid branchId, CancellationToken ct)
    {
        var branch = await CreateMeeting.BranchAsync(org, branchId, ct);
        if (branch is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, branch.Path)) return Failure.Forbidden;
        var feed = await db.BranchFeeds.FirstOrDefaultAsync(f => f.BranchId == branchId, ct);
        if (feed is null) db.BranchFeeds.Add(feed = new BranchFeed { BranchId = branch.Id, OrgPath = branch.Path });
        feed.Token = NewToken();
        feed.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new FeedLink(branch.Id, UrlOf(feed.Token));
    }

    public static string UrlOf(string token) => $"/orglife/feeds/{token}.ics";

    /// <summary>256 random bits, URL-safe: the token is the only key to the feed.</summary>
    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
