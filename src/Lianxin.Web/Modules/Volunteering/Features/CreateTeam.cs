using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Volunteering.Features;

public class TeamInput
{
    public Guid UnitId { get; set; }
    public string Name { get; set; } = "";
    public TeamKind Kind { get; set; } = TeamKind.Volunteer;
    public string LeaderName { get; set; } = "";
    public string? Description { get; set; }
}

public record TeamSaved(Guid Id, int Version);

/// <summary>A street or community forms a volunteer team (党员先锋队, 志愿服务队…).</summary>
public static class CreateTeam
{
    public static async Task<Outcome<TeamSaved>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, TeamInput r, CancellationToken ct)
    {
        var unit = await org.FindAsync(r.UnitId, ct);
        var e = new Errors();
        if (unit is null || unit.Kind is not (OrgKind.Street or OrgKind.Community) || !unit.IsActive) e.Fail(nameof(r.UnitId), "请选择您辖区内的街道或社区。");
        else if (!db.Scope.Can(VolunteeringPermissions.Manage, unit.Path)) return Failure.Forbidden;
        e.Required(nameof(r.Name), r.Name, "请填写队伍名称。");
        e.Max(nameof(r.Name), r.Name, 100, "队伍名称");
        if (!Enum.IsDefined(r.Kind)) e.Fail(nameof(r.Kind), "请选择队伍类型。");
        e.Required(nameof(r.LeaderName), r.LeaderName, "请填写队长姓名。");
        e.Max(nameof(r.LeaderName), r.LeaderName, 60, "队长姓名");
        e.Max(nameof(r.Description), r.Description, 500, "队伍简介");
        if (e.Any) return Failure.Invalid(e);
        var team = new Team
        {
            UnitId = unit!.Id, OrgPath = unit.Path, Name = r.Name.Trim(), Kind = r.Kind, LeaderName = r.LeaderName.Trim(),
            Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.VolunteerTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return new TeamSaved(team.Id, team.Version);
    }
}
