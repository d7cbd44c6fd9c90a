using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record OpenMatchChoice(Guid Id, string Need, string PartnerUnit, string Resource, int Quantity, string Measure);

public record ProjectChoice(Guid Id, string Title);

/// <summary>What the forms of the three lists offer the caller to pick from.</summary>
public record LoopChoices(IReadOnlyList<PartnerChoice> Stations, IReadOnlyList<PartnerChoice> PartnerUnits, IReadOnlyList<PartnerChoice> MyUnits,
    IReadOnlyList<OpenMatchChoice> OpenMatches, IReadOnlyList<ProjectChoice> Projects, bool CanManage);

/// <summary>
/// The choices of the forms: the streets and communities the caller manages co-building in; the partner units stationed in their
/// streets (staff) or their own (a liaison); confirmed matches not yet in a project; running projects.
/// </summary>
public static class GetLoopChoices
{
    public static async Task<Outcome<LoopChoices>> HandleAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var stations = (await org.InScopeAsync(ct, true, OrgKind.Street, OrgKind.Community)).Where(u => LoopAccess.Staff(db, u.Path)).ToList();
        var streets = stations.Select(s => Domain.LoopRules.StreetOf(s.Path)).Distinct().ToList();
        var units = new List<PartnerChoice>();
        foreach (var street in streets)
            units.AddRange(await db.PartnerUnits.AcrossScope().AsNoTracking().Where(p => p.OrgPath.StartsWith(street)).OrderBy(p => p.Name)
                .Select(p => new PartnerChoice(p.Id, p.Name)).ToListAsync(ct));
        var me = db.Scope.UserId;
        var mine = await db.PartnerUnits.AcrossScope().AsNoTracking().Where(p => me != null && p.LiaisonUserId == me).OrderBy(p => p.Name)
            .Select(p => new PartnerChoice(p.Id, p.Name)).ToListAsync(ct);
        var manage = stations.Count > 0;
        var matches = !manage ? [] : await db.NeedMatches.AsNoTracking().Where(m => m.ProjectId == null).OrderByDescending(m => m.ConfirmedAt).Take(100)
            .Join(db.Needs.AsNoTracking(), m => m.NeedId, n => n.Id, (m, n) => new { m, n.Title, n.Measure }).ToListAsync(ct);
        var resourceIds = matches.Select(x => x.m.ResourceId).ToList();
        var resources = await db.Resources.AcrossScope().AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        var names = await LoopAccess.UnitNamesAsync(db, matches.Select(x => x.m.PartnerUnitId), ct);
        var projects = !manage ? [] : await db.CoProjects.AsNoTracking().OrderByDescending(p => p.StartOn).Take(100).Select(p => new ProjectChoice(p.Id, p.Title)).ToListAsync(ct);
        return new LoopChoices(stations.Select(s => new PartnerChoice(s.Id, s.DisplayName)).ToList(), units.DistinctBy(u => u.Id).ToList(), mine,
            matches.Select(x => new OpenMatchChoice(x.m.Id, x.Title, names.GetValueOrDefault(x.m.PartnerUnitId, "—"), resources.GetValueOrDefault(x.m.ResourceId, "—"),
                x.m.Quantity, x.Measure)).ToList(), projects, manage);
    }
}
