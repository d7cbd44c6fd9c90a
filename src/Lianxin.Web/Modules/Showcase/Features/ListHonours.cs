using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

public record HonourRow(Guid Id, string Title, HonourLevel Level, string LevelName, string AwardingBody, DateOnly AwardedOn,
    RecipientKind RecipientKind, string RecipientKindName, string RecipientName, Guid OrgUnitId, Guid? MemberId, bool CanManage, int Version);

public record HonourList(IReadOnlyList<HonourRow> Rows, int Total);

/// <summary>Honours of the caller's units, newest first, filtered by level, recipient kind and a search in title, recipient and awarding body.</summary>
public static class ListHonours
{
    public const int Limit = 200;

    public static async Task<Outcome<HonourList>> HandleAsync(LianxinDb db, HonourLevel? level, RecipientKind? kind, string? q, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var query = db.Honours.AsNoTracking();
        if (level is { } l) query = query.Where(h => h.Level == l);
        if (kind is { } k) query = query.Where(h => h.RecipientKind == k);
        if (ShowcaseUnits.Clean(q) is { } text)
            query = query.Where(h => h.Title.Contains(text) || h.RecipientName.Contains(text) || h.AwardingBody.Contains(text));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(h => h.AwardedOn).ThenBy(h => h.Id).Take(Limit).ToListAsync(ct);
        return new HonourList(rows.Select(Row(db)).ToList(), total);
    }

    internal static Func<Honour, HonourRow> Row(LianxinDb db) => h => new HonourRow(h.Id, h.Title, h.Level, h.Level.Chinese(), h.AwardingBody, h.AwardedOn,
        h.RecipientKind, h.RecipientKind.Chinese(), h.RecipientName, h.OrgUnitId, h.MemberId, db.Scope.Can(ShowcasePermissions.Manage, h.OrgPath), h.Version);
}
