using Lianxin.Web.Modules.Campaigns.Data;
using Lianxin.Web.Modules.Campaigns.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Campaigns.Features;

/// <summary>
/// One community's figures in a campaign: places in scope, places inspected at least once, inspections, findings, and the
/// rectification tasks still open (of which overdue), reported done and waiting, and verified.
/// </summary>
public record ProgressRow(Guid CommunityId, string Community, int Places, int Inspected, int Inspections, int Findings, int TasksOpen, int TasksOverdue,
    int TasksDone, int TasksVerified)
{
    public decimal? InspectedRate => Places == 0 ? null : (decimal)Inspected / Places;
}

public record ProgressReport(Guid CampaignId, string Title, IReadOnlyList<ProgressRow> Communities, ProgressRow Total);

/// <summary>A campaign's progress per community, over what the caller sees (the street: every community; a community: its own).</summary>
public static class CampaignProgress
{
    public static async Task<Outcome<ProgressReport>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || (c.State == CampaignState.Draft && !db.Scope.Can(Contracts.CampaignPermissions.Manage, c.OrgPath))) return Failure.NotFound;
        var rows = await ReadAsync(db, org, clock.Today(), id, ct);
        return new ProgressReport(c.Id, c.Title, rows, Sum(rows));
    }

    internal static async Task<List<ProgressRow>> ReadAsync(LianxinDb db, OrgDirectory org, DateOnly today, Guid id, CancellationToken ct)
    {
        var places = await db.CampaignPlaces.AsNoTracking().Where(p => p.CampaignId == id).GroupBy(p => p.CommunityId)
            .Select(g => new { Community = g.Key, N = g.Count() }).ToListAsync(ct);
        var inspections = await db.CampaignInspections.AsNoTracking().Where(i => i.CampaignId == id).GroupBy(i => i.CommunityId)
            .Select(g => new { Community = g.Key, N = g.Count(), Places = g.Select(i => i.PlaceId).Distinct().Count() }).ToListAsync(ct);
        var findings = await db.CampaignFindings.AsNoTracking().Where(f => f.CampaignId == id).GroupBy(f => f.CommunityId)
            .Select(g => new { Community = g.Key, N = g.Count() }).ToListAsync(ct);
        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == id)
            .GroupBy(t => new { t.CommunityId, t.State, Overdue = t.State == TaskState.Open && t.DueOn < today })
            .Select(g => new { g.Key.CommunityId, g.Key.State, g.Key.Overdue, N = g.Count() }).ToListAsync(ct);
        var names = await org.NamesAsync(places.Select(p => p.Community).ToList(), ct);
        int Tasks(Guid community, Func<TaskState, bool, bool> which) => tasks.Where(t => t.CommunityId == community && which(t.State, t.Overdue)).Sum(t => t.N);
        return places.Select(p =>
        {
            var i = inspections.FirstOrDefault(x => x.Community == p.Community);
            return new ProgressRow(p.Community, names.GetValueOrDefault(p.Community, "—"), p.N, i?.Places ?? 0, i?.N ?? 0,
                findings.FirstOrDefault(x => x.Community == p.Community)?.N ?? 0,
                Tasks(p.Community, (s, _) => s == TaskState.Open), Tasks(p.Community, (_, overdue) => overdue),
                Tasks(p.Community, (s, _) => s == TaskState.Done), Tasks(p.Community, (s, _) => s == TaskState.Verified));
        }).OrderBy(r => r.Community, StringComparer.Ordinal).ToList();
    }

    internal static ProgressRow Sum(IReadOnlyList<ProgressRow> rows) => new(Guid.Empty, "合计", rows.Sum(r => r.Places), rows.Sum(r => r.Inspected),
        rows.Sum(r => r.Inspections), rows.Sum(r => r.Findings), rows.Sum(r => r.TasksOpen), rows.Sum(r => r.TasksOverdue), rows.Sum(r => r.TasksDone),
        rows.Sum(r => r.TasksVerified));
}
