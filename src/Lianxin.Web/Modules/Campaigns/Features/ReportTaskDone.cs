using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class TaskDoneInput
{
    /// <summary>What was done (整改情况), the evidence with the photos.</summary>
    public string Note { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>The rectification is reported done, with what was done and photos; it waits for the inspector or the street to verify it.</summary>
public static class ReportTaskDone
{
    public static async Task<Outcome<TaskSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, TaskDoneInput r, IReadOnlyList<Upload> photos, CancellationToken ct)
    {
        var t = await db.CampaignTasks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Failure.NotFound;
        if (!db.Scope.Can(CampaignPermissions.Rectify, t.OrgPath)) return Failure.Forbidden;
        if (t.State != TaskState.Open) return Failure.Conflict($"该整改任务{t.State.Chinese()}。");
        if (t.Version != r.Version) return Failure.Stale;
        var e = new Errors();
        if (string.IsNullOrWhiteSpace(r.Note) || r.Note.Trim().Length < 4) e.Fail(nameof(r.Note), "请说明整改情况（至少 4 个字），并尽量附上整改后的照片。");
        e.Max(nameof(r.Note), r.Note, 1000, "整改情况");
        if (e.Any) return Failure.Invalid(e);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(t).Property(x => x.Version).OriginalValue = r.Version;
        (t.State, t.DoneNote, t.DoneBy, t.DoneAt, t.ReturnNote) = (TaskState.Done, r.Note.Trim(), db.Scope.UserName, now, null);
        CampaignFiles.Attach(db, CampaignFiles.TaskKind, t.Id, t.OrgPath, photos, now);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new TaskSaved(t.Id, t.FindingId, t.Version);
    }
}
