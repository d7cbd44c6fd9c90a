using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record TeamMemberRow(Guid Id, string Name, bool PartyMember, bool HasAccount, string? Skills, DateOnly JoinedOn);
public record TeamDetail(Guid Id, string Name, TeamKind Kind, string KindName, Guid UnitId, string UnitName, string LeaderName, string? Description,
    IReadOnlyList<TeamMemberRow> Members, bool CanManage, int Version);

public static class GetTeam
{
    public static async Task<Outcome<TeamDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        var t = await db.VolunteerTeams.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return Failure.NotFound;
        if (!db.Scope.Can(VolunteeringPermissions.View, t.OrgPath)) return Failure.Forbidden;
        var members = await db.VolunteerTeamMembers.AsNoTracking().Where(m => m.TeamId == id).OrderBy(m => m.JoinedOn).ThenBy(m => m.Name)
            .Select(m => new TeamMemberRow(m.Id, m.Name, m.MemberId != null, m.UserId != null, m.Skills, m.JoinedOn)).ToListAsync(ct);
        var names = await org.NamesAsync([t.UnitId], ct);
        return new TeamDetail(t.Id, t.Name, t.Kind, t.Kind.Chinese(), t.UnitId, names.GetValueOrDefault(t.UnitId, "—"), t.LeaderName, t.Description,
            members, db.Scope.Can(VolunteeringPermissions.Manage, t.OrgPath), t.Version);
    }
}
