using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record PublicNewsRow(Guid Id, string Title, string UnitName, DateTime PublishedAt, string Excerpt);
public record PublicNewsPage(Guid StreetId, string StreetName, IReadOnlyList<PublicNewsRow> Items);
public record PublicNewsItem(Guid StreetId, string StreetName, Guid Id, string Title, string UnitName, string Body, DateTime PublishedAt);

/// <summary>
/// A street's public news page (anonymous, like the pledges board): deliberately across scope, but only this tenant, only items
/// under the street, only published ones, and only public fields (no author, no review notes). A phone, ID number or email
/// typed into a title or body is masked (Platform.Privacy.FreeText, ADR 0030): the street approved the story, not the numbers.
/// </summary>
public static class PublicNews
{
    public static async Task<Outcome<PublicNewsPage>> ListAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        if (await StreetAsync(org, streetId, ct) is not { } street) return Failure.NotFound;
        var items = await Published(db, street.Path).OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Id).Take(50)
            .Select(n => new { n.Id, n.Title, n.OrgUnitId, n.PublishedAt, n.Body }).ToListAsync(ct);
        var names = await org.ManyAsync(items.Select(i => i.OrgUnitId), ct);
        var publicNames = names.ToDictionary(u => u.Id, u => u.PublicName);
        return new PublicNewsPage(street.Id, street.PublicName, items.Select(n => new PublicNewsRow(n.Id, FreeText.Public(n.Title), publicNames.GetValueOrDefault(n.OrgUnitId, street.PublicName),
            n.PublishedAt!.Value, Excerpt(FreeText.Public(n.Body)))).ToList());
    }

    public static async Task<Outcome<PublicNewsItem>> ItemAsync(LianxinDb db, OrgDirectory org, Guid streetId, Guid id, CancellationToken ct)
    {
        if (await StreetAsync(org, streetId, ct) is not { } street) return Failure.NotFound;
        var n = await Published(db, street.Path).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Failure.NotFound;
        var unit = await org.FindInDistrictAsync(n.OrgUnitId, ct);
        return new PublicNewsItem(street.Id, street.PublicName, n.Id, FreeText.Public(n.Title), unit?.PublicName ?? street.PublicName, FreeText.Public(n.Body),
            n.PublishedAt!.Value);
    }

    static IQueryable<NewsItem> Published(LianxinDb db, string streetPath) =>
        db.NewsItems.AcrossScope().AsNoTracking().Where(n => n.OrgPath.StartsWith(streetPath) && n.State == NewsState.Published);

    static async Task<OrgUnitRef?> StreetAsync(OrgDirectory org, Guid id, CancellationToken ct) =>
        await org.FindInDistrictAsync(id, ct) is { Kind: OrgKind.Street, IsActive: true } street ? street : null;

    static string Excerpt(string body)
    {
        var flat = body.ReplaceLineEndings(" ");
        return flat.Length > 80 ? flat[..80] + "…" : flat;
    }
}
