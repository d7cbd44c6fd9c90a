using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record NewsDetail(Guid Id, Guid OrgUnitId, string UnitName, string Title, string Body, NewsState State, string StateName,
    IReadOnlyList<NewsChannels> Channels, string AuthorName, DateTime CreatedAt, DateTime? SubmittedAt, string? ReviewedBy, DateTime? ReviewedAt,
    string? ReturnReason, DateTime? PublishedAt, bool CanEdit, bool CanReview, int Version);

/// <summary>One news item of the caller's units, with what the caller may do with it now.</summary>
public static class GetNews
{
    public static async Task<Outcome<NewsDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var n = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Failure.NotFound;
        return new NewsDetail(n.Id, n.OrgUnitId, await org.NameOfAsync(n.OrgUnitId, ct), n.Title, n.Body, n.State, n.State.Chinese(), ShowcaseRules.Split(n.Channels),
            n.AuthorName, n.CreatedAt, n.SubmittedAt, n.ReviewedBy, n.ReviewedAt, n.ReturnReason, n.PublishedAt,
            ShowcaseRules.Editable(n.State) && db.Scope.Can(ShowcasePermissions.NewsWrite, n.OrgPath),
            n.State == NewsState.Submitted && db.Scope.Can(ShowcasePermissions.NewsReview, n.OrgPath), n.Version);
    }
}
