using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

public record ItemDto(Guid Id, int No, string Text);

public record PlaceDto(Guid Id, Guid CompoundId, Guid? BuildingId, string Name, string Community, int Inspections, DateOnly? LastInspectedOn);

public record FindingRow(Guid Id, Guid TaskId, string Place, string Text, Severity Severity, string SeverityName, DateTime CreatedAt, TaskState TaskState,
    string TaskStateName, string? ResponsibleUnit, DateOnly DueOn, bool Overdue);

public record CampaignDetail(Guid Id, Guid StreetId, string Title, CampaignKind Kind, string KindName, string? Description, string Street, DateOnly StartsOn, DateOnly EndsOn,
    int RectifyDays, CampaignState State, string StateName, int Version, bool InPeriod, IReadOnlyList<ItemDto> Items, IReadOnlyList<PlaceDto> Places,
    IReadOnlyList<ProgressRow> Progress, ProgressRow Total, IReadOnlyList<FindingRow> Findings, bool CanManage, bool CanInspect);

/// <summary>A campaign with its checklist, the places the caller sees, progress per community and the findings (overdue first).</summary>
public static class GetCampaign
{
    public static async Task<Outcome<CampaignDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var canManage = c is not null && db.Scope.Can(CampaignPermissions.Manage, c.OrgPath);
        if (c is null || (c.State == CampaignState.Draft && !canManage)) return Failure.NotFound;
        var today = clock.Today();
        var items = await db.ChecklistItems.AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var places = await db.CampaignPlaces.AsNoTracking().Where(p => p.CampaignId == id).ToListAsync(ct);
        var visits = await db.CampaignInspections.AsNoTracking().Where(i => i.CampaignId == id).GroupBy(i => i.PlaceId)
            .Select(g => new { g.Key, N = g.Count(), Last = g.Max(i => i.InspectedOn) }).ToDictionaryAsync(x => x.Key, ct);
        var communities = await org.NamesAsync(places.Select(p => p.CommunityId).Distinct().ToList(), ct);
        var findings = await (from f in db.CampaignFindings.AsNoTracking()
                              join t in db.CampaignTasks.AsNoTracking() on f.Id equals t.FindingId
                              where f.CampaignId == id
                              select new { f, t }).ToListAsync(ct);
        var placeNames = places.ToDictionary(p => p.Id, p => p.Name);
        var progress = await CampaignProgress.ReadAsync(db, org, today, id, ct);
        return new CampaignDetail(c.Id, c.StreetId, c.Title, c.Kind, c.Kind.Chinese(), c.Description, (await org.NamesAsync([c.StreetId], ct)).GetValueOrDefault(c.StreetId, "—"),
            c.StartsOn, c.EndsOn, c.RectifyDays, c.State, c.State.Chinese(), c.Version, today >= c.StartsOn && today <= c.EndsOn,
            items.Select(i => new ItemDto(i.Id, i.SortOrder, i.Text)).ToList(),
            places.OrderBy(p => communities.GetValueOrDefault(p.CommunityId), StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new PlaceDto(p.Id, p.CompoundId, p.BuildingId, p.Name, communities.GetValueOrDefault(p.CommunityId, "—"),
                    visits.GetValueOrDefault(p.Id)?.N ?? 0, visits.GetValueOrDefault(p.Id)?.Last)).ToList(),
            progress, CampaignProgress.Sum(progress),
            findings.OrderByDescending(x => x.t.Overdue(today)).ThenBy(x => x.t.State).ThenByDescending(x => x.f.CreatedAt)
                .Select(x => new FindingRow(x.f.Id, x.t.Id, placeNames.GetValueOrDefault(x.f.PlaceId, "—"), x.f.Text, x.f.Severity, x.f.Severity.Chinese(), x.f.CreatedAt,
                    x.t.State, x.t.State.Chinese(), x.t.ResponsibleUnit, x.t.DueOn, x.t.Overdue(today))).ToList(),
            canManage, c.State == CampaignState.Running && places.Any(p => db.Scope.Can(CampaignPermissions.Inspect, p.OrgPath)));
    }
}
