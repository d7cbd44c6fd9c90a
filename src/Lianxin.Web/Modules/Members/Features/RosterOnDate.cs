using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record RosterEntry(Guid MemberId, string Name, string Branch, MemberStatus Status, string StatusName);
public record RosterOn(Guid UnitId, string UnitName, DateOnly On, IReadOnlyList<RosterEntry> Members);

/// <summary>The roster of a unit's subtree on a past day, rebuilt from transfers and status changes only.</summary>
public static class RosterOnDate
{
    public static async Task<Outcome<RosterOn>> HandleAsync(LianxinDb db, OrgDirectory units, Guid unitId, DateOnly on, CancellationToken ct)
    {
        var unit = await units.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, unit.Path)) return Failure.Forbidden;
        var history = await RosterHistory.LoadAsync(db, unit.Path, on, ct);
        var ids = history.MemberIds;
        var names = await db.Members.AcrossScope().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var branchNames = (await units.SubtreeAsync(unit.Path, ct)).ToDictionary(u => u.Path, u => u.Name);
        var entries = history.OnRoster(unit.Path, on)
            .Select(id =>
            {
                var status = Roster.StatusOn(history.Statuses[id], on)!.Value;
                return new RosterEntry(id, names.GetValueOrDefault(id, "—"), branchNames.GetValueOrDefault(Roster.PathOn(history.Transfers[id], on)!, "—"), status, status.Chinese());
            })
            .OrderBy(e => e.Branch).ThenBy(e => e.Name).ToList();
        return new RosterOn(unit.Id, unit.Name, on, entries);
    }
}
