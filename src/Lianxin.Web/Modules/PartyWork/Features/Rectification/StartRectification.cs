using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

public class TaskInput
{
    public string Title { get; set; } = "";
    public DateOnly? DueOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && DueOn is null;
}

/// <summary>The street marks a unit weak: the criteria it meets, a note, the leader who helps, and the plan's tasks with deadlines.</summary>
public class RectificationInput
{
    public Guid? UnitId { get; set; }
    public List<string> ReasonCodes { get; set; } = [];
    public string? ReasonNote { get; set; }
    public string Helper { get; set; } = "";
    public DateOnly? StartedOn { get; set; }
    public List<TaskInput> Tasks { get; set; } = [];
}

public record RectificationSaved(Guid Id, int Version);

/// <summary>Puts a branch (or a community's party organisation) under rectification (整顿提升) with its plan.</summary>
public static class StartRectification
{
    public static async Task<Outcome<RectificationSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, RectificationInput r, CancellationToken ct)
    {
        var e = new Errors();
        var unit = r.UnitId is { } uid ? await org.FindAsync(uid, ct) : null;
        if (unit is not { Kind: OrgKind.Branch or OrgKind.Community, IsActive: true }) e.Fail(nameof(r.UnitId), "请选择要整顿的党支部或社区党组织。");
        else if (!db.Scope.Can(PartyWorkPermissions.Rectify, unit.Path)) return Failure.Forbidden;
        var criteria = (await RectifyCriteria.AllAsync(db, ct)).Where(c => c.Active).ToList();
        var codes = criteria.Where(c => r.ReasonCodes.Contains(c.Code)).Select(c => c.Code).ToList();
        if (codes.Count == 0) e.Fail(nameof(r.ReasonCodes), "请至少选择一项整顿原因。");
        else if (codes.Count != r.ReasonCodes.Distinct().Count()) e.Fail(nameof(r.ReasonCodes), "整顿原因不在本区的认定标准中。");
        e.Max(nameof(r.ReasonNote), r.ReasonNote, 500, "情况说明");
        e.Required(nameof(r.Helper), r.Helper, "请填写帮扶领导。");
        e.Max(nameof(r.Helper), r.Helper, 60, "帮扶领导");
        var today = clock.Today();
        if (r.StartedOn is null) e.Fail(nameof(r.StartedOn), "请填写确定整顿的日期。");
        else if (r.StartedOn > today) e.Fail(nameof(r.StartedOn), "日期不能晚于今天。");
        var tasks = r.Tasks.Where(t => !t.IsBlank).ToList();
        if (tasks.Count == 0) e.Fail(nameof(r.Tasks), "请至少列出一项整顿任务及完成时限。");
        for (var i = 0; i < tasks.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tasks[i].Title)) e.Fail($"Tasks[{i}].Title", $"第 {i + 1} 项：请填写任务内容。");
            else if (tasks[i].Title.Trim().Length > 200) e.Fail($"Tasks[{i}].Title", $"第 {i + 1} 项：任务内容不能超过 200 个字符。");
            if (tasks[i].DueOn is null) e.Fail($"Tasks[{i}].DueOn", $"第 {i + 1} 项：请填写完成时限。");
            else if (r.StartedOn is { } s && tasks[i].DueOn < s) e.Fail($"Tasks[{i}].DueOn", $"第 {i + 1} 项：完成时限不能早于确定整顿的日期。");
        }
        if (e.Any) return Failure.Invalid(e);
        if (await db.BranchRectifications.AnyAsync(x => x.UnitId == unit!.Id && x.State == RectifyState.Open, ct))
            return Failure.Conflict($"{unit!.DisplayName}正在整顿中，请在原整顿记录中补充任务。");

        var rect = new BranchRectification
        {
            UnitId = unit!.Id, OrgPath = unit.Path, ReasonCodes = string.Join(',', codes), ReasonNote = string.IsNullOrWhiteSpace(r.ReasonNote) ? null : r.ReasonNote.Trim(),
            Helper = r.Helper.Trim(), StartedOn = r.StartedOn!.Value, State = RectifyState.Open, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.Scope.UserName,
        };
        db.BranchRectifications.Add(rect);
        db.RectificationTasks.AddRange(tasks.Select((t, i) => new RectificationTask
        {
            RectificationId = rect.Id, OrgPath = unit.Path, Seq = i + 1, Title = t.Title.Trim(), DueOn = t.DueOn!.Value,
        }));
        await db.SaveChangesAsync(ct);
        return new RectificationSaved(rect.Id, rect.Version);
    }
}
