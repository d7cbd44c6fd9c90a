using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>Deletes an honour recorded in error (the audit log keeps what it was), at the version the person confirmed.</summary>
public static class DeleteHonour
{
    public static async Task<Outcome<bool>> HandleAsync(LianxinDb db, Guid id, int version, CancellationToken ct)
    {
        var honour = await db.Honours.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (honour is null) return Failure.NotFound;
        if (!db.Scope.Can(ShowcasePermissions.Manage, honour.OrgPath)) return Failure.Forbidden;
        if (honour.Version != version) return Failure.Stale;
        db.Entry(honour).Property(x => x.Version).OriginalValue = version;
        db.Honours.Remove(honour);
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return true;
    }
}
