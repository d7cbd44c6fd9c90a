using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Features;

public class PledgeTaskInput
{
    public string Title { get; set; } = "";
    public DateOnly? DueOn { get; set; }
}

/// <summary>A new pledge: who is responsible (责任清单) and its tasks (任务清单).</summary>
public class CreatePledgeRequest
{
    public Guid OrgUnitId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public PledgeOwner Owner { get; set; } = PledgeOwner.Branch;
    public string ResponsiblePerson { get; set; } = "";
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public List<PledgeTaskInput> Tasks { get; set; } = [];
}

public record PledgeSaved(Guid Id, int Version);

public static class CreatePledge
{
    /// <summary>The checks a pledge's matter, deadline and tasks pass, whoever enters it (staff, or a member their own); the tasks kept.</summary>
    public static List<PledgeTaskInput> Check(Errors e, string? title, string? description, DateOnly start, DateOnly? dueOn, List<PledgeTaskInput>? input)
    {
        e.Required("Title", title, "请填写承诺事项。");
        e.Max("Title", title, 100, "承诺事项");
        e.Max("Description", description, 2000, "事项说明");
        if (dueOn is null) e.Fail("DueOn", "请填写承诺完成时限。");
        else if (dueOn < start) e.Fail("DueOn", "完成时限不能早于开始日期。");
        var tasks = (input ?? []).Where(t => !string.IsNullOrWhiteSpace(t.Title) || t.DueOn is not null).ToList();
        for (var i = 0; i < tasks.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tasks[i].Title)) e.Fail($"Tasks[{i}].Title", $"第 {i + 1} 项任务请填写内容。");
            else if (tasks[i].Title.Trim().Length > 200) e.Fail($"Tasks[{i}].Title", $"第 {i + 1} 项任务不能超过 200 个字符。");
            if (tasks[i].DueOn is null) e.Fail($"Tasks[{i}].DueOn", $"第 {i + 1} 项任务请填写时限。");
            else if (dueOn is { } due && tasks[i].DueOn > due) e.Fail($"Tasks[{i}].DueOn", $"第 {i + 1} 项任务的时限不能晚于承诺完成时限。");
        }
        return tasks;
    }

    /// <summary>Adds the checked tasks to a pledge, in order. Caller saves.</summary>
    public static void AddTasks(LianxinDb db, Pledge p, List<PledgeTaskInput> tasks)
    {
        for (var i = 0; i < tasks.Count; i++)
            db.PledgeTasks.Add(new PledgeTask { PledgeId = p.Id, OrgPath = p.OrgPath, Title = tasks[i].Title.Trim(), DueOn = tasks[i].DueOn!.Value, SortOrder = i });
    }

    // Kept while PledgeQueries (edited elsewhere) still calls it; everything else calls ChinaTime.Today.
    public static DateOnly Today(TimeProvider clock) => clock.Today();

    public static async Task<Outcome<PledgeSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, CreatePledgeRequest r, CancellationToken ct)
    {
        var unit = await org.FindAsync(r.OrgUnitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.OrgUnitId), "请选择责任单位。");
        if (!db.Scope.Can(PledgePermissions.PledgeManage, unit.Path)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.ResponsiblePerson), r.ResponsiblePerson, "请填写责任人。");
        e.Max(nameof(r.ResponsiblePerson), r.ResponsiblePerson, 60, "责任人");
        var today = clock.Today();
        var start = r.StartOn ?? today;
        var tasks = Check(e, r.Title, r.Description, start, r.DueOn, r.Tasks);
        if (e.Any) return Failure.Invalid(e);

        var p = new Pledge
        {
            OrgUnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            Owner = r.Owner, ResponsiblePerson = r.ResponsiblePerson.Trim(), ResponsibleUnit = unit.DisplayName,
            StartOn = start, DueOn = r.DueOn!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Pledges.Add(p);
        AddTasks(db, p, tasks);
        await db.SaveChangesAsync(ct);
        return new PledgeSaved(p.Id, p.Version);
    }
}
