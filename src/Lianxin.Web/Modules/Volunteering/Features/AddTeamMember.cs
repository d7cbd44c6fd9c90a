using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public class TeamMemberInput
{
    /// <summary>A party member from the roster.</summary>
    public Guid? MemberId { get; set; }
    /// <summary>A resident with an account (their sign-in name).</summary>
    public string? UserName { get; set; }
    /// <summary>A resident without an account, by name.</summary>
    public string? Name { get; set; }
    public string? Skills { get; set; }
}

public record TeamMemberSaved(Guid Id, string Name);

/// <summary>Someone joins a team: a party member from the roster, a resident by account, or a resident by name.</summary>
public static class AddTeamMember
{
    public static async Task<Outcome<TeamMemberSaved>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, Guid teamId, TeamMemberInput r, CancellationToken ct)
    {
        var team = await db.VolunteerTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.Manage, team.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        Guid? memberId = null, userId = null;
        string? name = null;
        if (r.MemberId is { } mid)
        {
            var m = await members.FindAsync(mid, ct);
            if (m is null || !m.OnRoster) e.Fail(nameof(r.MemberId), "未找到该党员，或其不在您的管辖范围内。");
            else (memberId, userId, name) = (m.Id, m.UserId, m.Name);
        }
        else if (!string.IsNullOrWhiteSpace(r.UserName))
        {
            var normalized = r.UserName.Trim().ToUpperInvariant();
            // Grants are tenant- and scope-filtered: only accounts held in the caller's subtrees are found.
            var u = await db.Users.Where(u => u.NormalizedUserName == normalized && !u.IsDisabled && db.RoleGrants.Any(g => g.UserId == u.Id))
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
            if (u is null) e.Fail(nameof(r.UserName), "未找到该账号，或它不在您的辖区内。");
            else (userId, name) = (u.Id, u.DisplayName);
            if (u is not null && await members.OfUserInDistrictAsync(u.Id, ct) is { } m) (memberId, name) = (m.Id, m.Name);
        }
        else
        {
            e.Required(nameof(r.Name), r.Name, "请选择党员、填写账号或填写姓名。");
            e.Max(nameof(r.Name), r.Name, 60, "姓名");
            name = r.Name?.Trim();
        }
        e.Max(nameof(r.Skills), r.Skills, 100, "特长");
        if (e.Any) return Failure.Invalid(e);
        if ((memberId is not null && await db.VolunteerTeamMembers.AnyAsync(x => x.TeamId == teamId && x.MemberId == memberId, ct))
            || (userId is not null && await db.VolunteerTeamMembers.AnyAsync(x => x.TeamId == teamId && x.UserId == userId, ct)))
            return Failure.Conflict($"{name}已是该队队员。");
        var row = new TeamMember
        {
            TeamId = teamId, OrgPath = team.OrgPath, MemberId = memberId, UserId = userId, Name = name!,
            Skills = string.IsNullOrWhiteSpace(r.Skills) ? null : r.Skills.Trim(), JoinedOn = clock.Today(),
        };
        db.VolunteerTeamMembers.Add(row);
        await db.SaveChangesAsync(ct);
        return new TeamMemberSaved(row.Id, row.Name);
    }
}
