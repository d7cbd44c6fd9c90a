using Lianxin.Web.Modules.Targets.Contracts;
using Lianxin.Web.Modules.Targets.Data;
using Lianxin.Web.Modules.Targets.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Targets.Features;

public class ReportProgressRequest
{
    public decimal? Value { get; set; }
    public string Note { get; set; } = "";
    public DateOnly? On { get; set; }
    public int Version { get; set; }
}

public record ProgressSaved(Guid AssignmentId, decimal Value, bool Completed, int Version);

/// <summary>A community reports where it stands on a target not read from figures, with its evidence (佐证).</summary>
public static class ReportProgress
{
    public static async Task<Outcome<ProgressSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid assignmentId, ReportProgressRequest r, CancellationToken ct)
    {
        var part = await db.TargetAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (part is null) return Failure.NotFound;
        if (!db.Scope.Can(TargetPermissions.TargetReport, part.OrgPath)) return Failure.Forbidden;
        var target = await db.KeyTargets.AcrossScope().AsNoTracking().FirstAsync(t => t.Id == part.TargetId, ct);
        if (target.IndicatorCode is not null) return Failure.Conflict("该任务的进度由系统按指标自动统计，无需填报。");
        var e = new Errors();
        if (r.Value is not { } value || value < 0) e.Fail(nameof(r.Value), "请填写不小于 0 的完成数。");
        e.Required(nameof(r.Note), r.Note, "请填写佐证说明（做了什么、材料在哪里）。");
        e.Max(nameof(r.Note), r.Note, 1000, "佐证说明");
        var today = clock.Today();
        var on = r.On ?? today;
        if (on > today) e.Fail(nameof(r.On), "填报日期不能晚于今天。");
        if (e.Any) return Failure.Invalid(e);
        if (part.Version != r.Version) return Failure.Stale;
        db.Entry(part).Property(x => x.Version).OriginalValue = r.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        part.ReportedValue = r.Value;
        if (r.Value >= TargetRules.Required(target.QuotaKind, part.Quota, null)) part.CompletedAt ??= now;
        db.TargetEvidence.Add(new TargetEvidence
        {
            AssignmentId = part.Id, OrgPath = part.OrgPath, Value = r.Value!.Value, Note = r.Note.Trim(), On = on, At = now, ActorName = db.Scope.UserName,
        });
        if (await db.SaveAsync(ct) is { } failed) return failed;
        return new ProgressSaved(part.Id, part.ReportedValue!.Value, part.CompletedAt is not null, part.Version);
    }

    public record EvidenceRow(DateOnly On, decimal Value, string Note, string Actor);

    /// <summary>The reports of one community's part, newest first.</summary>
    public static async Task<Outcome<List<EvidenceRow>>> EvidenceAsync(LianxinDb db, Guid assignmentId, CancellationToken ct)
    {
        var part = await db.TargetAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (part is null) return Failure.NotFound;
        if (!db.Scope.Can(TargetPermissions.TargetView, part.OrgPath)) return Failure.Forbidden;
        var rows = await db.TargetEvidence.AsNoTracking().Where(x => x.AssignmentId == assignmentId).OrderByDescending(x => x.At)
            .Select(x => new EvidenceRow(x.On, x.Value, x.Note, x.ActorName)).ToListAsync(ct);
        return rows;
    }
}
