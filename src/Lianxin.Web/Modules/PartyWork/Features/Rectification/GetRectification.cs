using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

public record RectifyTaskDto(Guid Id, int Seq, string Title, DateOnly DueOn, DateOnly? DoneOn, bool Overdue);

public record ProgressDto(Guid Id, string? TaskTitle, DateOnly On, string Note, bool CompletesTask, string RecordedBy, IReadOnlyList<Guid> Files);

public record RectificationDetail(Guid Id, Guid UnitId, string UnitName, string Reasons, string? ReasonNote, string Helper, DateOnly StartedOn,
    RectifyState State, string StateName, DateOnly? ExitedOn, string? ExitNote, string? ExitBy, int OpenTasksAtExit,
    IReadOnlyList<RectifyTaskDto> Tasks, IReadOnlyList<ProgressDto> Progress, bool CanRecord, bool CanExit, int Version, DateOnly Today);

/// <summary>One rectification: why, the helper, the plan's tasks (overdue ones marked), the progress with its evidence, and the exit.</summary>
public static class GetRectification
{
    public static async Task<Outcome<RectificationDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var r = await db.BranchRectifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.View, r.OrgPath)) return Failure.Forbidden;
        var today = clock.Today();
        var tasks = await db.RectificationTasks.AsNoTracking().Where(t => t.RectificationId == id).OrderBy(t => t.Seq).ToListAsync(ct);
        var progress = await db.RectificationProgress.AsNoTracking().Where(p => p.RectificationId == id).OrderByDescending(p => p.On).ThenByDescending(p => p.RecordedAt).ToListAsync(ct);
        var entryIds = progress.Select(p => p.Id).ToList();
        var files = (await FileStore.Of(db, RectifyCriteria.Module, RectifyCriteria.ProgressKind).Where(f => entryIds.Contains(f.OwnerId))
            .Select(f => new { f.OwnerId, f.Id }).ToListAsync(ct)).ToLookup(f => f.OwnerId, f => f.Id);
        var criteria = await RectifyCriteria.AllAsync(db, ct);
        var unit = await org.FindInDistrictAsync(r.UnitId, ct);
        var titles = tasks.ToDictionary(t => t.Id, t => t.Title);
        var open = r.State == RectifyState.Open;
        return new RectificationDetail(r.Id, r.UnitId, unit is null ? "—" : (await org.CommunityOfAsync(unit.Path, ct) is { } c && c.Id != unit.Id ? $"{c.DisplayName} {unit.DisplayName}" : unit.DisplayName),
            RectifyCriteria.Reasons(criteria, r.ReasonCodes), r.ReasonNote, r.Helper, r.StartedOn, r.State, r.State.Chinese(), r.ExitedOn, r.ExitNote, r.ExitBy, r.OpenTasksAtExit,
            tasks.Select(t => new RectifyTaskDto(t.Id, t.Seq, t.Title, t.DueOn, t.DoneOn, open && t.DoneOn is null && t.DueOn < today)).ToList(),
            progress.Select(p => new ProgressDto(p.Id, p.TaskId is { } tid ? titles.GetValueOrDefault(tid) : null, p.On, p.Note, p.CompletesTask, p.RecordedBy, files[p.Id].ToList())).ToList(),
            open && db.Scope.Can(PartyWorkPermissions.Manage, r.OrgPath), open && db.Scope.Can(PartyWorkPermissions.Rectify, r.OrgPath), r.Version, today);
    }
}
