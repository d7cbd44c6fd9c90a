using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record AllianceRow(Guid Id, string Name, string Theme, string OrgUnitName, DateOnly FoundedOn, string LeadName, int Members);

/// <summary>The alliances of the streets and communities in the caller's scope, with their lead and current size.</summary>
public static class ListAlliances
{
    public static async Task<Outcome<IReadOnlyList<AllianceRow>>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var alliances = await db.Alliances.AsNoTracking().OrderBy(a => a.Name).Take(200).ToListAsync(ct);
        var ids = alliances.Select(a => a.Id).ToList();
        var members = await db.AllianceMembers.AsNoTracking().Where(m => ids.Contains(m.AllianceId) && m.LeftOn == null)
            .GroupBy(m => m.AllianceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var leadPartners = alliances.Select(a => a.LeadPartnerUnitId).OfType<Guid>().ToList();
        var partnerNames = await db.PartnerUnits.AsNoTracking().Where(p => leadPartners.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var unitNames = await org.NamesAsync(alliances.SelectMany(a => new[] { a.OrgUnitId, a.LeadOrgUnitId ?? a.OrgUnitId }).Distinct().ToList(), ct);
        return alliances.Select(a => new AllianceRow(a.Id, a.Name, a.Theme, unitNames.GetValueOrDefault(a.OrgUnitId, "—"), a.FoundedOn,
            a.LeadPartnerUnitId is { } p ? partnerNames.GetValueOrDefault(p, "—") : unitNames.GetValueOrDefault(a.LeadOrgUnitId ?? Guid.Empty, "—"),
            members.GetValueOrDefault(a.Id))).ToList();
    }
}
