using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

/// <summary>
/// Photos of pledge progress in the platform's file store: owned by the pledge, with the progress update as the part. Pledges are
/// public on the board, so staff need no more than the scope to see them; the anonymous board serves those of pledges on it.
/// </summary>
public static class PledgePhotos
{
    public const string Module = "pledges", Kind = "pledge";

    public static readonly FileOwner Owner = new(Module, Kind);

    public static void Attach(LianxinDb db, Pledge p, PledgeUpdate update, IEnumerable<Upload> photos, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, Kind, p.TenantId, p.Id, p.OrgPath, update.Id.ToString()), photos, now);

    /// <summary>A pledge's photo ids per progress update, oldest first (scope-filtered).</summary>
    public static async Task<ILookup<Guid, Guid>> ByUpdateAsync(LianxinDb db, Guid pledgeId, CancellationToken ct) =>
        (await FileStore.Of(db, Module, Kind).AsNoTracking().Where(f => f.OwnerId == pledgeId).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.OwnerPart }).ToListAsync(ct))
        .ToLookup(f => Guid.Parse(f.OwnerPart!), f => f.Id);

    /// <summary>Photo ids per pledge, newest first, for the anonymous board: deliberately unfiltered, the caller passes the board's pledges.</summary>
    public static async Task<ILookup<Guid, Guid>> LatestOnBoardAsync(LianxinDb db, List<Guid> pledgeIds, CancellationToken ct) =>
        (await db.Files.AcrossScope().AsNoTracking()
            .Where(f => f.OwnerModule == Module && f.OwnerKind == Kind && pledgeIds.Contains(f.OwnerId))
            .OrderByDescending(f => f.CreatedAt).Select(f => new { f.Id, f.OwnerId }).ToListAsync(ct))
        .ToLookup(f => f.OwnerId, f => f.Id);

    /// <summary>
    /// A photo as the anonymous public board of <paramref name="boardUnitId"/> serves it: only when the board exists (an active
    /// street or community) and the photo's pledge lies in its subtree.
    /// </summary>
    public static async Task<Outcome<FileBody>> ForBoardAsync(LianxinDb db, OrgDirectory org, Guid boardUnitId, Guid photoId, bool thumbnail, CancellationToken ct)
    {
        if (await BoardUnitAsync(org, boardUnitId, ct) is not { } unit) return Failure.NotFound with { Message = "未找到该照片。" };
        return await FileStore.ReadPublicAsync(db, Module, Kind, unit.Path, photoId, thumbnail, ct);
    }

    /// <summary>The unit of a public board: an active street or community, whoever asks (the board is anonymous).</summary>
    public static async Task<OrgUnitRef?> BoardUnitAsync(OrgDirectory org, Guid unitId, CancellationToken ct) =>
        await org.FindInDistrictAsync(unitId, ct) is { Kind: OrgKind.Street or OrgKind.Community, IsActive: true } unit ? unit : null;
}
