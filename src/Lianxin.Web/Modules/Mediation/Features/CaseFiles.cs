using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

/// <summary>
/// The signed agreement (调解协议书, scans or photos) in the platform's file store. No <see cref="FileOwner"/> is registered, so the
/// general file route serves them to no one: they are read here, only after the case itself was found through its filter.
/// </summary>
public static class CaseFiles
{
    public const string Module = "mediation", Kind = "agreement";

    public static void Attach(LianxinDb db, MediationCase c, IEnumerable<Upload> files, DateTime now) =>
        FileStore.Add(db, new Attachment(Module, Kind, c.TenantId, c.Id, c.OrgPath), files, now);

    /// <summary>The case's files: the case was found by its own filter, so the files' subtree filter is lifted (a team member may sit outside the community).</summary>
    public static async Task<IReadOnlyList<Guid>> IdsAsync(LianxinDb db, MediationCase c, CancellationToken ct) =>
        await db.Files.AcrossScope().AsNoTracking().Where(f => f.OwnerModule == Module && f.OwnerKind == Kind && f.OwnerId == c.Id)
            .OrderBy(f => f.CreatedAt).Select(f => f.Id).ToListAsync(ct);

    public static async Task<Outcome<FileBody>> ReadAsync(LianxinDb db, Guid caseId, Guid fileId, bool thumbnail, CancellationToken ct)
    {
        var c = await db.MediationCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !(await IdsAsync(db, c, ct)).Contains(fileId)) return Failure.NotFound;
        return await FileStore.ReadPublicAsync(db, Module, Kind, c.OrgPath, fileId, thumbnail, ct);
    }
}
