using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

public record TeamRow(Guid Id, string Name, TeamDuty Duty, string DutyName);

public record TeamView(Guid CaseId, string CaseNo, string StateName, IReadOnlyList<TeamRow> Members);

/// <summary>
/// The community's secretary and staff add people to a case's team (社区法官、社区调解员、调解志愿者) or take them off it; whoever is
/// taken off no longer sees the case (its filter reads the team). A team keeps at least one mediator. The team sees the list but may
/// not change it (403); anyone else does not find the case (404).
/// </summary>
public static class EditTeam
{
    static async Task<Outcome<MediationCase>> EditableAsync(LianxinDb db, Guid caseId, CancellationToken ct)
    {
        var c = await db.MediationCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(MediationPermissions.Open, c.OrgPath)) return Failure.Forbidden;
        return c;
    }

    public static async Task<Outcome<TeamView>> GetAsync(LianxinDb db, Guid caseId, CancellationToken ct)
    {
        var found = await EditableAsync(db, caseId, ct);
        if (!found.IsOk) return found.AsFailure();
        var c = found.Value!;
        var members = await db.MediationTeam.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Duty).ThenBy(t => t.DisplayName).ToListAsync(ct);
        return new TeamView(c.Id, c.CaseNo, c.State.Chinese(), members.Select(t => new TeamRow(t.Id, t.DisplayName, t.Duty, t.Duty.Chinese())).ToList());
    }

    public static async Task<Outcome<TeamRow>> AddAsync(LianxinDb db, Guid caseId, TeamInput r, CancellationToken ct)
    {
        var found = await EditableAsync(db, caseId, ct);
        if (!found.IsOk) return found.AsFailure();
        var e = new Errors();
        if (!Enum.IsDefined(r.Duty)) e.Fail(nameof(r.Duty), "请选择团队角色。");
        e.Required(nameof(r.UserName), r.UserName, "请填写账号（登录名）。");
        (Guid Id, string Name)? user = null;
        if (!string.IsNullOrWhiteSpace(r.UserName))
        {
            user = await OpenCase.AccountAsync(db, r.UserName, ct);
            if (user is null) e.Fail(nameof(r.UserName), $"未找到账号“{r.UserName.Trim()}”。");
            else if (await db.MediationTeam.AnyAsync(t => t.CaseId == caseId && t.UserId == user.Value.Id, ct))
                e.Fail(nameof(r.UserName), $"{user.Value.Name}已在调解团队中。");
        }
        if (e.Any) return Failure.Invalid(e);
        var member = new MediationTeamMember { CaseId = caseId, UserId = user!.Value.Id, DisplayName = user.Value.Name, Duty = r.Duty };
        db.MediationTeam.Add(member);
        await db.SaveChangesAsync(ct);
        return new TeamRow(member.Id, member.DisplayName, member.Duty, member.Duty.Chinese());
    }

    public static async Task<Outcome<TeamRow>> RemoveAsync(LianxinDb db, Guid caseId, Guid memberId, CancellationToken ct)
    {
        var found = await EditableAsync(db, caseId, ct);
        if (!found.IsOk) return found.AsFailure();
        var team = await db.MediationTeam.Where(t => t.CaseId == caseId).ToListAsync(ct);
        var member = team.FirstOrDefault(t => t.Id == memberId);
        if (member is null) return Failure.NotFound;
        if (member.Duty == TeamDuty.Mediator && team.Count(t => t.Duty == TeamDuty.Mediator) == 1)
            return Failure.Conflict("调解团队至少要有一名社区调解员：请先添加另一名调解员。");
        db.MediationTeam.Remove(member);
        await db.SaveChangesAsync(ct);
        return new TeamRow(member.Id, member.DisplayName, member.Duty, member.Duty.Chinese());
    }
}
