using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>A campaign in the list: its places, findings and tasks are those the caller sees.</summary>
public record CampaignRow(Guid Id, string Title, CampaignKind Kind, string KindName, string Street, DateOnly StartsOn, DateOnly EndsOn, CampaignState State,
    string StateName, int Places, int Findings, int TasksOpen, int TasksOverdue);

public record CampaignList(IReadOnlyList<CampaignRow> Rows, bool CanCreate);

/// <summary>The campaigns over the caller's places (running first, then drafts, then closed; the latest first).</summary>
public static class ListCampaigns
{
    public static async Task<Outcome<CampaignList>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CampaignPermissions.View)) return Failure.Forbidden;
        var today = clock.Today();
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).Take(200).ToListAsync(ct);
        // Drafts are the street's business until they start.
        campaigns = campaigns.Where(c => c.State != CampaignState.Draft || db.Scope.Can(CampaignPermissions.Manage, c.OrgPath)).ToList();
        var ids = campaigns.Select(c => c.Id).ToList();
        var places = await db.CampaignPlaces.AsNoTracking().Where(p => ids.Contains(p.CampaignId)).GroupBy(p => p.CampaignId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var findings = await db.CampaignFindings.AsNoTracking().Where(f => ids.Contains(f.CampaignId)).GroupBy(f => f.CampaignId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var open = await db.CampaignTasks.AsNoTracking().Where(t => ids.Contains(t.CampaignId) && t.State == TaskState.Open).GroupBy(t => t.CampaignId)
            .Select(g => new { g.Key, N = g.Count(), Overdue = g.Count(t => t.DueOn < today) }).ToDictionaryAsync(x => x.Key, ct);
        var streets = await org.NamesAsync(campaigns.Select(c => c.StreetId).Distinct().ToList(), ct);
        var rows = campaigns.OrderBy(c => c.State switch { CampaignState.Running => 0, CampaignState.Draft => 1, _ => 2 }).ThenByDescending(c => c.StartsOn)
            .Select(c => new CampaignRow(c.Id, c.Title, c.Kind, c.Kind.Chinese(), streets.GetValueOrDefault(c.StreetId, "—"), c.StartsOn, c.EndsOn, c.State, c.State.Chinese(),
                places.GetValueOrDefault(c.Id), findings.GetValueOrDefault(c.Id), open.GetValueOrDefault(c.Id)?.N ?? 0, open.GetValueOrDefault(c.Id)?.Overdue ?? 0))
            .ToList();
        return new CampaignList(rows, db.Scope.CanAnywhere(CampaignPermissions.Manage));
    }
}
