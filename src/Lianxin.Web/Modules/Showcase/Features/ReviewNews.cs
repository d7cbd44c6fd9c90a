using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public class ReviewNewsInput
{
    /// <summary>True: publish on <see cref="Channels"/>; false: return to the author with <see cref="Reason"/>.</summary>
    public bool Approve { get; set; }
    public List<NewsChannels> Channels { get; set; } = [];
    public string? Reason { get; set; }
    /// <summary>The version the reviewer read: two reviewers deciding at once, the second gets 409.</summary>
    public int Version { get; set; }
}

/// <summary>Street staff publish a submitted item on its channels, or return it with a reason.</summary>
public static class ReviewNews
{
    public static async Task<Outcome<NewsSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, ReviewNewsInput r, CancellationToken ct)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (item is null) return Failure.NotFound;
        if (!db.Scope.Can(ShowcasePermissions.NewsReview, item.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        var channels = r.Channels ?? [];
        if (r.Approve)
        {
            if (channels.Count == 0) e.Fail(nameof(r.Channels), "请至少选择一个发布渠道。");
            else if (channels.Any(c => !ShowcaseRules.AllChannels.Contains(c))) e.Fail(nameof(r.Channels), "发布渠道不正确。");
        }
        else
        {
            e.Required(nameof(r.Reason), r.Reason, "请填写退回原因。");
            e.Max(nameof(r.Reason), r.Reason, 500, "退回原因");
        }
        if (e.Any) return Failure.Invalid(e);
        if (item.Version != r.Version) return Failure.Stale;
        if (item.State != NewsState.Submitted) return Failure.Conflict($"稿件{item.State.Chinese()}，无需审核。");
        db.Entry(item).Property(x => x.Version).OriginalValue = r.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        item.ReviewedBy = SaveNews.Clip(db.Scope.UserName, 60);
        item.ReviewedAt = now;
        if (r.Approve)
        {
            item.State = NewsState.Published;
            item.Channels = ShowcaseRules.Combine(channels);
            item.PublishedAt = now;
            item.ReturnReason = null;
        }
        else
        {
            item.State = NewsState.Returned;
            item.ReturnReason = r.Reason!.Trim();
        }
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new NewsSaved(item.Id, item.State, item.Version);
    }
}
