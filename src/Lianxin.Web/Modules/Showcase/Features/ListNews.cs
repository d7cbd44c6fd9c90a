using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record NewsRow(Guid Id, string Title, string UnitName, NewsState State, string StateName, string Channels, string AuthorName,
    DateTime CreatedAt, DateTime? SubmittedAt, DateTime? PublishedAt, bool CanReview);

/// <summary>News items of the caller's units, newest first; with a state, only those (the street's queue: Submitted).</summary>
public static class ListNews
{
    public static async Task<Outcome<List<NewsRow>>> HandleAsync(LianxinDb db, OrgDirectory org, NewsState? state, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var q = db.NewsItems.AsNoTracking();
        if (state is { } s) q = q.Where(n => n.State == s);
        var items = await q.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(300)
            .Select(n => new { n.Id, n.Title, n.OrgUnitId, n.OrgPath, n.State, n.Channels, n.AuthorName, n.CreatedAt, n.SubmittedAt, n.PublishedAt }).ToListAsync(ct);
        var names = await org.NamesAsync(items.Select(i => i.OrgUnitId).Distinct().ToList(), ct);
        return items.Select(n => new NewsRow(n.Id, n.Title, names.GetValueOrDefault(n.OrgUnitId, "—"), n.State, n.State.Chinese(), n.Channels.Chinese(),
            n.AuthorName, n.CreatedAt, n.SubmittedAt, n.PublishedAt,
            n.State == NewsState.Submitted && db.Scope.Can(ShowcasePermissions.NewsReview, n.OrgPath))).ToList();
    }
}
