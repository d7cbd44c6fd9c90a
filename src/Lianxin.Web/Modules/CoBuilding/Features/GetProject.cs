using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record MilestoneRow(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn);

public record ProjectMatchRow(Guid NeedId, string Need, string Resource, string PartnerUnit, int Quantity);

public record ProjectDetail(Guid Id, Guid UnitId, string Unit, string Title, string Goal, decimal? Budget, DateOnly StartOn, DateOnly EndOn, ProjectStatus Status,
    string StatusName, DateOnly? DoneOn, bool OnTime, int Version, bool CanManage, IReadOnlyList<PartnerChoice> Parties, IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<ProjectMatchRow> Matches, IReadOnlyList<AgreementLink> Agreements);

public record AgreementLink(Guid Id, string Title, string StatusName);

public static class GetProject
{
    public static async Task<Outcome<ProjectDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var p = await db.CoProjects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Failure.NotFound;
        var partyIds = await db.ProjectParties.AsNoTracking().Where(x => x.ProjectId == id).Select(x => x.PartnerUnitId).ToListAsync(ct);
        var milestones = await db.ProjectMilestones.AsNoTracking().Where(x => x.ProjectId == id).OrderBy(x => x.DueOn).ThenBy(x => x.Title)
            .Select(x => new MilestoneRow(x.Id, x.Title, x.DueOn, x.DoneOn)).ToListAsync(ct);
        var matches = await db.NeedMatches.AsNoTracking().Where(m => m.ProjectId == id)
            .Join(db.Needs.AsNoTracking(), m => m.NeedId, n => n.Id, (m, n) => new { m, n.Title }).ToListAsync(ct);
        var resourceIds = matches.Select(x => x.m.ResourceId).ToList();
        var resources = await db.Resources.AcrossScope().AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        var units = await LoopAccess.UnitNamesAsync(db, partyIds.Concat(matches.Select(x => x.m.PartnerUnitId)), ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.SignedOn).ToListAsync(ct);
        var unit = (await org.NamesAsync([p.UnitId], ct)).GetValueOrDefault(p.UnitId, "—");
        return new ProjectDetail(p.Id, p.UnitId, unit, p.Title, p.Goal, p.Budget, p.StartOn, p.EndOn, p.Status, p.Status.Chinese(), p.DoneOn, p.OnTime, p.Version,
            LoopAccess.Staff(db, p.OrgPath), partyIds.Select(u => new PartnerChoice(u, units.GetValueOrDefault(u, "—"))).OrderBy(u => u.Name).ToList(), milestones,
            matches.Select(x => new ProjectMatchRow(x.m.NeedId, x.Title, resources.GetValueOrDefault(x.m.ResourceId, "—"), units.GetValueOrDefault(x.m.PartnerUnitId, "—"),
                x.m.Quantity)).ToList(),
            agreements.Select(a => new AgreementLink(a.Id, a.Title, a.Status.Chinese())).ToList());
    }
}
