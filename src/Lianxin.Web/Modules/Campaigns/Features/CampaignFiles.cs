using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>
/// Photos in the platform's file store: an inspection's (what the inspector saw) and a task's (the evidence of the rectification),
/// served by the general file route to whoever sees the place with <see cref="Contracts.CampaignPermissions.View"/>.
/// </summary>
public static class CampaignFiles
{
    public const string Module = "campaigns", InspectionKind = "inspection", TaskKind = "task";

    public static void Attach(LianxinDb db, string kind, Guid ownerId, string orgPath, IEnumerable<Upload> photos, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, kind, db.Scope.TenantId, ownerId, orgPath), photos, now);

    public static async Task<IReadOnlyList<Guid>> IdsAsync(LianxinDb db, string kind, Guid ownerId, CancellationToken ct) =>
        await FileStore.Of(db, Module, kind).Where(f => f.OwnerId == ownerId).OrderBy(f => f.CreatedAt).Select(f => f.Id).ToListAsync(ct);
}
