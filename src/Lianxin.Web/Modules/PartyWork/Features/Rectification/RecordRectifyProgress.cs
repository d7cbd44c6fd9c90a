using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

public class ProgressInput
{
    public Guid? TaskId { get; set; }
    public DateOnly? On { get; set; }
    public string Note { get; set; } = "";
    /// <summary>The task is done with this entry.</summary>
    public bool CompletesTask { get; set; }
}

/// <summary>The branch (or the helping leader's staff) records what was done, on a task or the plan as a whole, with photos as evidence.</summary>
public static class RecordRectifyProgress
{
    public static async Task<Outcome<Guid>> HandleAsync(LianxinDb db, TimeProvider clock, Guid rectificationId, ProgressInput r, IReadOnlyList<Upload> evidence, CancellationToken ct)
    {
        var rect = await db.BranchRectifications.FirstOrDefaultAsync(x => x.Id == rectificationId, ct);
        if (rect is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.Manage, rect.OrgPath)) return Failure.Forbidden;
        if (rect.State != RectifyState.Open) return Failure.Conflict("该整顿已销号，不能再登记进展。");
        var e = new Errors();
        var task = r.TaskId is { } tid ? await db.RectificationTasks.FirstOrDefaultAsync(t => t.Id == tid && t.RectificationId == rect.Id, ct) : null;
        if (r.TaskId is not null && task is null) e.Fail(nameof(r.TaskId), "所选任务不属于本次整顿。");
        if (r.CompletesTask && task is null) e.Fail(nameof(r.TaskId), "请选择完成的任务。");
        e.Required(nameof(r.Note), r.Note, "请填写整顿进展。");
        e.Max(nameof(r.Note), r.Note, 500, "整顿进展");
        if (r.On is null) e.Fail(nameof(r.On), "请填写日期。");
        else if (r.On > clock.Today()) e.Fail(nameof(r.On), "日期不能晚于今天。");
        else if (r.On < rect.StartedOn) e.Fail(nameof(r.On), "日期不能早于确定整顿的日期。");
        if (e.Any) return Failure.Invalid(e);
        if (r.CompletesTask && task!.DoneOn is not null) return Failure.Conflict($"任务“{task.Title}”已于 {task.DoneOn:yyyy-MM-dd} 完成。");

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new RectificationProgress
        {
            RectificationId = rect.Id, TaskId = task?.Id, OrgPath = rect.OrgPath, On = r.On!.Value, Note = r.Note.Trim(), CompletesTask = r.CompletesTask,
            RecordedAt = now, RecordedBy = db.Scope.UserName,
        };
        if (r.CompletesTask) task!.DoneOn = r.On;
        db.RectificationProgress.Add(entry);
        if (evidence.Count > 0) FileStore.Add(db, new Attachment(RectifyCriteria.Module, RectifyCriteria.ProgressKind, rect.TenantId, entry.Id, rect.OrgPath), evidence, now);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }
}
