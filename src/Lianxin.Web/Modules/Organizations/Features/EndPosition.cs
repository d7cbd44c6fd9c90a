using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Organizations.Features;

public class EndPositionRequest
{
    public DateOnly? EndedOn { get; set; }
}

/// <summary>Someone leaves a position; the row stays as history (历任).</summary>
public static class EndPosition
{
    public static async Task<Outcome<PositionAdded>> HandleAsync(LianxinDb db, TimeProvider clock, Guid positionId, EndPositionRequest r, CancellationToken ct)
    {
        var p = await db.OrgPositions.FirstOrDefaultAsync(x => x.Id == positionId, ct);
        if (p is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgManage, p.OrgPath)) return Failure.Forbidden;
        var ended = r.EndedOn ?? clock.Today();
        if (ended < p.StartedOn) return Failure.Invalid("EndedOn", "离任日期不能早于任职日期。");
        if (p.EndedOn is not null) return Failure.Conflict("该职务已经离任。");
        p.EndedOn = ended;
        await db.SaveChangesAsync(ct);
        return new PositionAdded(p.Id);
    }
}
