using Lianxin.Web.Modules.Volunteering.Data;
using Lianxin.Web.Modules.Volunteering.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Volunteering.Features;

/// <summary>Teams, activities and attendance follow a moved unit; a unit with teams or upcoming activities cannot be dissolved.</summary>
public class VolunteeringUnitLifecycle(TimeProvider clock) : IUnitLifecycle
{
    public async Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["vol_teams"] = await db.RebaseAsync<Team>(oldRoot, newRoot, ct),
            ["vol_team_members"] = await db.RebaseAsync<TeamMember>(oldRoot, newRoot, ct),
            ["vol_activities"] = await db.RebaseAsync<Activity>(oldRoot, newRoot, ct),
            ["vol_signups"] = await db.RebaseAsync<Signup>(oldRoot, newRoot, ct),
        };

    public async Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = await db.VolunteerTeams.AcrossScope().CountAsync(t => t.OrgPath.StartsWith(path), ct);
        var upcoming = await db.Activities.AcrossScope().CountAsync(a => a.OrgPath.StartsWith(path) && a.EndsAt >= now, ct);
        var parts = new List<string>();
        if (teams > 0) parts.Add($"{teams} 支志愿服务队");
        if (upcoming > 0) parts.Add($"{upcoming} 场未结束的志愿活动");
        return parts.Count == 0 ? null : string.Join("、", parts);
    }
}
