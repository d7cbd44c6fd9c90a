using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

public record TeamRow(Guid Id, string Name, TeamKind Kind, string KindName, string UnitName, string LeaderName, int Members);

/// <summary>The volunteer teams of the caller's subtrees.</summary>
public static class ListTeams
{
    public static async Task<Outcome<List<TeamRow>>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(VolunteeringPermissions.View)) return Failure.Forbidden;
        var teams = await db.VolunteerTeams.AsNoTracking().OrderBy(t => t.OrgPath).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.Kind, t.UnitId, t.LeaderName, Members = db.Set<TeamMember>().Count(m => m.TeamId == t.Id) })
            .Take(200).ToListAsync(ct);
        var names = await org.NamesAsync(teams.Select(t => t.UnitId).Distinct().ToList(), ct);
        return teams.Select(t => new TeamRow(t.Id, t.Name, t.Kind, t.Kind.Chinese(), names.GetValueOrDefault(t.UnitId, "—"), t.LeaderName, t.Members)).ToList();
    }
}
