using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class MilestoneInput
{
    public string Title { get; set; } = "";
    public DateOnly? DueOn { get; set; }
}

public class ProjectInput
{
    /// <summary>The community or street the project belongs to; blank: that of the matches it is made from.</summary>
    public Guid? UnitId { get; set; }
    public string Title { get; set; } = "";
    public string Goal { get; set; } = "";
    public decimal? Budget { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public List<Guid>? PartnerUnitIds { get; set; }
    /// <summary>Confirmed matches the project carries out: their units become parties.</summary>
    public List<Guid>? MatchIds { get; set; }
    public List<MilestoneInput>? Milestones { get; set; }
}

/// <summary>A line of the 项目清单, made from confirmed matches or directly: goal, parties, budget, dates and milestones.</summary>
public static class CreateProject
{
    public static async Task<Outcome<LoopSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, ProjectInput r, CancellationToken ct)
    {
        var matchIds = (r.MatchIds ?? []).Distinct().ToList();
        var matches = await db.NeedMatches.Where(m => matchIds.Contains(m.Id)).ToListAsync(ct);
        var e = new Errors();
        if (matches.Count != matchIds.Count) e.Fail(nameof(r.MatchIds), "所选的对接记录不存在，或不在您的管辖范围内。");
        var unitId = r.UnitId ?? (matches.Count > 0 ? (await db.Needs.AsNoTracking().Where(n => n.Id == matches[0].NeedId).Select(n => n.UnitId).FirstAsync(ct)) : Guid.Empty);
        var unit = await CreatePartnerUnit.StationAsync(org, unitId, ct);
        if (unit is null) return Failure.Invalid(nameof(r.UnitId), "请选择项目所属的社区或街道。");
        if (!LoopAccess.Staff(db, unit.Path)) return Failure.Forbidden;
        if (matches.Any(m => !m.OrgPath.StartsWith(unit.Path, StringComparison.Ordinal))) e.Fail(nameof(r.MatchIds), "只能选择本社区（街道）需求的对接记录。");

        e.Required(nameof(r.Title), r.Title, "请填写项目名称。");
        e.Max(nameof(r.Title), r.Title, 100, "项目名称");
        e.Required(nameof(r.Goal), r.Goal, "请填写项目目标。");
        e.Max(nameof(r.Goal), r.Goal, 1000, "项目目标");
        if (r.Budget is < 0 or > 100_000_000) e.Fail(nameof(r.Budget), "预算须在 0–1 亿元之间。");
        if (r.StartOn is null) e.Fail(nameof(r.StartOn), "请填写开始日期。");
        if (r.EndOn is null) e.Fail(nameof(r.EndOn), "请填写计划完成日期。");
        else if (r.StartOn is { } s && r.EndOn < s) e.Fail(nameof(r.EndOn), "计划完成日期不能早于开始日期。");
        var milestones = (r.Milestones ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueOn is not null).ToList();
        if (milestones.Count > 20) e.Fail(nameof(r.Milestones), "里程碑最多 20 个。");
        foreach (var m in milestones)
        {
            if (string.IsNullOrWhiteSpace(m.Title) || m.Title.Trim().Length > 100) e.Fail(nameof(r.Milestones), "每个里程碑须填写名称（不超过 100 个字符）。");
            if (m.DueOn is null) e.Fail(nameof(r.Milestones), "每个里程碑须填写计划日期。");
            else if (r.StartOn is { } s && m.DueOn < s) e.Fail(nameof(r.Milestones), $"里程碑“{m.Title.Trim()}”的计划日期不能早于项目开始日期。");
        }
        var partyIds = (r.PartnerUnitIds ?? []).Concat(matches.Select(m => m.PartnerUnitId)).Distinct().ToList();
        var parties = new List<PartnerUnit>();
        foreach (var id in partyIds)
            if (await LoopAccess.NearUnitAsync(db, id, unit.Path, ct) is { } p) parties.Add(p);
        if (parties.Count != partyIds.Count) e.Fail(nameof(r.PartnerUnitIds), "只能选择驻在本街道的共建单位。");
        else if (parties.Count == 0) e.Fail(nameof(r.PartnerUnitIds), "请至少选择一个参与的共建单位。");
        if (e.Any) return Failure.Invalid(e);
        if (matches.Any(m => m.ProjectId is not null)) return Failure.Conflict("所选的对接记录已纳入其他项目。");

        var project = new CoProject
        {
            UnitId = unit.Id, OrgPath = unit.Path, Title = r.Title.Trim(), Goal = r.Goal.Trim(), Budget = r.Budget, StartOn = r.StartOn!.Value, EndOn = r.EndOn!.Value,
            Status = ProjectStatus.Running, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CoProjects.Add(project);
        db.ProjectParties.AddRange(parties.Select(p => new ProjectParty { ProjectId = project.Id, PartnerUnitId = p.Id, OrgPath = unit.Path }));
        db.ProjectMilestones.AddRange(milestones.Select(m => new ProjectMilestone { ProjectId = project.Id, OrgPath = unit.Path, Title = m.Title.Trim(), DueOn = m.DueOn!.Value }));
        foreach (var m in matches) m.ProjectId = project.Id;
        await db.SaveChangesAsync(ct);
        return new LoopSaved(project.Id, project.Version);
    }
}
