using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class DoneRequest
{
    public DateOnly? DoneOn { get; set; }
    public int Version { get; set; }
}

/// <summary>A milestone of a running project is reached (on a day not in the future).</summary>
public static class CompleteMilestone
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid projectId, Guid milestoneId, DoneRequest r, CancellationToken ct)
    {
        var p = await db.CoProjects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == projectId, ct);
        var m = p is null ? null : await db.ProjectMilestones.FirstOrDefaultAsync(x => x.Id == milestoneId && x.ProjectId == projectId, ct);
        if (p is null || m is null) return Failure.NotFound;
        if (!LoopAccess.Staff(db, p.OrgPath)) return Failure.Forbidden;
        if (p.Status != ProjectStatus.Running) return Failure.Conflict("项目已完成，不能再修改里程碑。");
        if (m.DoneOn is not null) return Failure.Conflict("该里程碑已完成。");
        var on = r.DoneOn ?? clock.Today();
        if (on > clock.Today()) return Failure.Invalid(nameof(r.DoneOn), "完成日期不能晚于今天。");
        m.DoneOn = on;
        await db.SaveChangesAsync(ct);
        return new LoopSaved(p.Id, p.Version);
    }
}
