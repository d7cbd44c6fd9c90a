using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>The street approves a meeting entered after the window (补录): from then on it counts towards the rules.</summary>
public static class ApproveLateEntry
{
    public static async Task<Outcome<MeetingSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.ApproveLate, m.OrgPath)) return Failure.Forbidden;
        if (!m.LateEntry) return Failure.Conflict("该记录不是补录记录，无需审核。");
        if (m.LateApprovedAt is not null) return Failure.Conflict("该补录记录已经审核通过。");
        m.LateApprovedAt = clock.GetUtcNow().UtcDateTime;
        m.LateApprovedBy = db.Scope.UserName;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new MeetingSaved(m.Id, m.Version, []);
    }
}
