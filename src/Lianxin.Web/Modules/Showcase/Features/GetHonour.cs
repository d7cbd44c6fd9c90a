using Lianxin.Web.Modules.Showcase.Contracts;
using Lianxin.Web.Modules.Showcase.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Showcase.Features;

/// <summary>One honour of the caller's units.</summary>
public static class GetHonour
{
    public static async Task<Outcome<HonourRow>> HandleAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(ShowcasePermissions.View)) return Failure.Forbidden;
        var h = await db.Honours.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return h is null ? Failure.NotFound : ListHonours.Row(db)(h);
    }
}
