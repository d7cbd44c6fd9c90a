using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Evidence photos of fulfilled obligations, in the platform's file store: seen by whoever sees co-building where the agreement lies.</summary>
public static class FulfilmentPhotos
{
    public const string Module = "cobuilding", Kind = "obligation";

    public static readonly FileOwner Owner = new(Module, Kind, CoBuildingPermissions.View);

    public static void Attach(LianxinDb db, Obligation o, IEnumerable<Upload> photos, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, Kind, o.TenantId, o.Id, o.OrgPath), photos, now);

    public static async Task<ILookup<Guid, Guid>> OfAsync(LianxinDb db, List<Guid> obligationIds, CancellationToken ct) =>
        (await FileStore.Of(db, Module, Kind).AsNoTracking().Where(f => obligationIds.Contains(f.OwnerId)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.OwnerId }).ToListAsync(ct)).ToLookup(f => f.OwnerId, f => f.Id);
}
