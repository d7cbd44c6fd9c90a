using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

public class ExitInput
{
    public DateOnly? On { get; set; }
    /// <summary>The street's assessment; required when tasks are still open.</summary>
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The street confirms the unit has been rectified (验收销号). While tasks are open it is refused unless the street says why; the
/// record stays, with the number of tasks still open at the exit.
/// </summary>
public static class ExitRectification
{
    public static async Task<Outcome<RectificationSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, ExitInput r, CancellationToken ct)
    {
        var rect = await db.BranchRectifications.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (rect is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.Rectify, rect.OrgPath)) return Failure.Forbidden;
        if (rect.State != RectifyState.Open) return Failure.Conflict($"该整顿已于 {rect.ExitedOn:yyyy-MM-dd} 销号。");
        if (rect.Version != r.Version) return Failure.Stale;
        var e = new Errors();
        if (r.On is null) e.Fail(nameof(r.On), "请填写销号日期。");
        else if (r.On > clock.Today()) e.Fail(nameof(r.On), "销号日期不能晚于今天。");
        else if (r.On < rect.StartedOn) e.Fail(nameof(r.On), "销号日期不能早于确定整顿的日期。");
        e.Max(nameof(r.Note), r.Note, 500, "验收意见");
        if (e.Any) return Failure.Invalid(e);
        var open = await db.RectificationTasks.Where(t => t.RectificationId == rect.Id && t.DoneOn == null).OrderBy(t => t.Seq).Select(t => t.Title).ToListAsync(ct);
        if (open.Count > 0 && string.IsNullOrWhiteSpace(r.Note))
            return Failure.Conflict($"尚有 {open.Count} 项整顿任务未完成（{string.Join("；", open)}），须填写验收意见说明理由方可销号。");

        rect.State = RectifyState.Exited;
        rect.ExitedOn = r.On;
        rect.ExitNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        rect.ExitBy = db.Scope.UserName;
        rect.OpenTasksAtExit = open.Count;
        db.Entry(rect).Property(x => x.Version).OriginalValue = r.Version;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new RectificationSaved(rect.Id, rect.Version);
    }
}
