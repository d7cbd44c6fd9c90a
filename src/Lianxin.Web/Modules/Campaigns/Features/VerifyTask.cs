using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public class VerifyTaskInput
{
    /// <summary>True: the rectification holds (验收通过). False: sent back to be done again, with the reason in <see cref="Note"/>.</summary>
    public bool Pass { get; set; } = true;
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>The inspector who found the problem, or the street, checks a rectification reported done: verified, or back to open with the reason.</summary>
public static class VerifyTask
{
    public static async Task<Outcome<TaskSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, VerifyTaskInput r, CancellationToken ct)
    {
        var t = await db.CampaignTasks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Failure.NotFound;
        var inspector = await db.CampaignFindings.Where(f => f.Id == t.FindingId).Select(f => f.InspectorUserId).FirstOrDefaultAsync(ct);
        if (!MayVerify(db, t, inspector)) return Failure.Forbidden with { Message = "整改须由发现问题的检查人或街道验收。" };
        if (t.State != TaskState.Done) return Failure.Conflict(t.State == TaskState.Open ? "该整改任务尚未报告完成。" : "该整改任务已验收。");
        if (t.Version != r.Version) return Failure.Stale;
        if (!r.Pass && string.IsNullOrWhiteSpace(r.Note)) return Failure.Invalid(nameof(r.Note), "退回整改请说明原因。");
        var e = new Errors();
        e.Max(nameof(r.Note), r.Note, 500, "验收意见");
        if (e.Any) return Failure.Invalid(e);
        db.Entry(t).Property(x => x.Version).OriginalValue = r.Version;
        if (r.Pass) (t.State, t.VerifiedBy, t.VerifiedAt) = (TaskState.Verified, db.Scope.UserName, clock.GetUtcNow().UtcDateTime);
        else (t.State, t.ReturnNote) = (TaskState.Open, r.Note!.Trim());
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new TaskSaved(t.Id, t.FindingId, t.Version);
    }

    public static bool MayVerify(LianxinDb db, RectificationTask t, Guid inspectorUserId) =>
        (db.Scope.UserId is { } me && me == inspectorUserId) || db.Scope.Can(CampaignPermissions.Manage, t.OrgPath);
}
