using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>A project is done (on time when by its planned end date), on a day between its start and today.</summary>
public static class FinishProject
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, DoneRequest r, CancellationToken ct)
    {
        var p = await db.CoProjects.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Failure.NotFound;
        if (!LoopAccess.Staff(db, p.OrgPath)) return Failure.Forbidden;
        if (p.Status == ProjectStatus.Done) return Failure.Conflict("项目已完成。");
        var on = r.DoneOn ?? clock.Today();
        if (on > clock.Today()) return Failure.Invalid(nameof(r.DoneOn), "完成日期不能晚于今天。");
        if (on < p.StartOn) return Failure.Invalid(nameof(r.DoneOn), "完成日期不能早于项目开始日期。");
        if (p.Version != r.Version) return Failure.Stale;
        db.Entry(p).Property(x => x.Version).OriginalValue = r.Version;
        (p.Status, p.DoneOn) = (ProjectStatus.Done, on);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new LoopSaved(p.Id, p.Version);
    }
}
