using Lianxin.Web.Modules.Pledges.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Features;

public record PledgeRow(Guid Id, string Title, PledgeOwner Owner, string ResponsiblePerson, string ResponsibleUnit, DateOnly DueOn, int Progress,
    PledgeStatus Status, string StatusName)
{
    /// <summary>Draft, waiting for the branch secretary or returned: not on the board yet.</summary>
    public PledgeState State { get; init; }
}

public record PledgeTaskDto(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn);
public record PledgeUpdateDto(DateOnly On, int Percent, string Note, string Actor)
{
    /// <summary>Photos of this update (进度清单 with photos), served by /api/v1/files (and the board's own photo route).</summary>
    public IReadOnlyList<Guid> PhotoIds { get; init; } = [];
}
public record LinkedDemand(Guid Id, string TicketNo, string Category, string State);

public record PledgeDetailDto(Guid Id, Guid OrgUnitId, string Title, string? Description, PledgeOwner Owner, string ResponsiblePerson, string ResponsibleUnit,
    DateOnly StartOn, DateOnly DueOn, int Progress, PledgeState State, PledgeStatus Status, string StatusName, string? Confirmation, int Version,
    bool CanManage, IReadOnlyList<PledgeTaskDto> Tasks, IReadOnlyList<PledgeUpdateDto> Updates, IReadOnlyList<LinkedDemand> Demands)
{
    /// <summary>Why the branch secretary returned a member's own pledge.</summary>
    public string? ReturnReason { get; init; }
}

public record BoardTask(string Title, DateOnly DueOn, DateOnly? DoneOn);
public record BoardUpdate(DateOnly On, int Percent, string Note);

/// <summary>
/// One line of the public board, with its three lists (责任清单: who answers for it; 任务清单: its tasks; 进度清单: its progress),
/// and only what residents should see: an official's name, a member's masked, phone and ID numbers in any text masked.
/// </summary>
public record BoardRow(string Title, string? Description, string Owner, string ResponsiblePerson, string ResponsibleUnit, DateOnly DueOn, int Progress,
    PledgeStatus Status, string StatusName, DateOnly? LastUpdateOn, string? LastUpdate)
{
    /// <summary>The latest progress photos (public with the board: served by the board's own photo handler).</summary>
    public IReadOnlyList<Guid> Photos { get; init; } = [];
    public IReadOnlyList<BoardTask> Tasks { get; init; } = [];
    /// <summary>Every progress entry, newest first.</summary>
    public IReadOnlyList<BoardUpdate> Updates { get; init; } = [];
}

/// <summary>Pledged, done and done on time by one owner class (班子成员, 党组织, 党员).</summary>
public record OwnerClassCount(PledgeOwner Owner, string Name, int Pledged, int Done, int OnTime);

public record Board(string UnitName, DateOnly Today, IReadOnlyList<BoardRow> Rows, int OnTrack, int Late, int Done)
{
    /// <summary>As source 001 reports them ("班子成员完成清单19个，党员完成清单1200余个"): every public pledge of the board's unit.</summary>
    public IReadOnlyList<OwnerClassCount> Owners { get; init; } = [];
}

public record PledgeCount(string Name, int Pledged, int Done, int OnTime);

/// <summary>The pledges figures: per owner class, and per owner class and responsible person.</summary>
public record PledgeCounts(IReadOnlyList<OwnerClassCount> ByOwner, IReadOnlyList<PledgeCount> ByPerson);

public static class PledgeQueries
{
    static PledgeStatus StatusOf(Pledge p, IEnumerable<PledgeTask> tasks, DateOnly today) =>
        PledgeRules.Status(p.State, p.Progress, p.DueOn, tasks.Select(t => (t.DueOn, t.DoneOn)), today);

    /// <summary><see cref="PledgeRules.Status"/> as SQL, so a status filter runs in the database before any row limit.</summary>
    static IQueryable<Pledge> WithStatus(this IQueryable<Pledge> q, IQueryable<PledgeTask> tasks, PledgeStatus status, DateOnly today) => status switch
    {
        PledgeStatus.Done => q.Where(p => p.State == PledgeState.Closed || p.Progress >= 100),
        PledgeStatus.Late => q.Where(p => p.State != PledgeState.Closed && p.Progress < 100
            && (p.DueOn < today || tasks.Any(t => t.PledgeId == p.Id && t.DoneOn == null && t.DueOn < today))),
        _ => q.Where(p => p.State != PledgeState.Closed && p.Progress < 100
            && p.DueOn >= today && !tasks.Any(t => t.PledgeId == p.Id && t.DoneOn == null && t.DueOn < today)),
    };

    public static async Task<Outcome<List<PledgeRow>>> ListAsync(LianxinDb db, TimeProvider clock, PledgeStatus? status, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PledgePermissions.PledgeManage)) return Failure.Forbidden;
        var today = CreatePledge.Today(clock);
        var q = db.Pledges.AsNoTracking();
        if (status is { } wanted) q = q.WithStatus(db.PledgeTasks, wanted, today);
        // Filtered first, then limited: the first 500 of those asked for, by deadline.
        var pledges = await q.OrderBy(p => p.DueOn).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AsNoTracking().Where(t => ids.Contains(t.PledgeId)).ToListAsync(ct)).ToLookup(t => t.PledgeId);
        return pledges.Select(p => (p, s: StatusOf(p, tasks[p.Id], today)))
            .Select(x => new PledgeRow(x.p.Id, x.p.Title, x.p.Owner, x.p.ResponsiblePerson, x.p.ResponsibleUnit, x.p.DueOn, x.p.Progress, x.s, x.s.Chinese()) { State = x.p.State })
            .ToList();
    }

    public static async Task<Outcome<PledgeDetailDto>> DetailAsync(LianxinDb db, DemandDirectory demandDirectory, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var p = await db.Pledges.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return Failure.NotFound;
        // As the list: those who pledge or approve; the public sees the board's public fields (BoardAsync), not the full record.
        if (!db.Scope.Can(PledgePermissions.PledgeManage, p.OrgPath) && !db.Scope.Can(PledgePermissions.PledgeApprove, p.OrgPath)) return Failure.Forbidden;
        var tasks = await db.PledgeTasks.AsNoTracking().Where(t => t.PledgeId == id).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var updates = await db.PledgeUpdates.AsNoTracking().Where(u => u.PledgeId == id).OrderByDescending(u => u.On).ThenByDescending(u => u.At).ToListAsync(ct);
        var demandIds = await db.PledgeDemands.AsNoTracking().Where(x => x.PledgeId == id).Select(x => x.DemandId).ToListAsync(ct);
        var demands = await demandDirectory.ManyAsync(demandIds, ct);
        var status = StatusOf(p, tasks, CreatePledge.Today(clock));
        var photos = await PledgePhotos.ByUpdateAsync(db, id, ct);
        return new PledgeDetailDto(p.Id, p.OrgUnitId, p.Title, p.Description, p.Owner, p.ResponsiblePerson, p.ResponsibleUnit, p.StartOn, p.DueOn, p.Progress,
            p.State, status, status.Chinese(), p.Confirmation, p.Version,
            db.Scope.Can(PledgePermissions.PledgeManage, p.OrgPath) && p.State is PledgeState.Open or PledgeState.Draft,
            tasks.Select(t => new PledgeTaskDto(t.Id, t.Title, t.DueOn, t.DoneOn)).ToList(),
            updates.Select(u => new PledgeUpdateDto(u.On, u.Percent, u.Note, u.ActorName) { PhotoIds = photos[u.Id].ToList() }).ToList(),
            demands.Select(d => new LinkedDemand(d.Id, d.TicketNo, d.Category, d.StateName)).ToList()) { ReturnReason = p.ReturnReason };
    }

    /// <summary>
    /// The public board (为民解忧榜) of a street or community. Anonymous, so deliberately unfiltered, limited to
    /// this tenant and this unit's subtree, and projected to public fields only.
    /// </summary>
    public static async Task<Board?> BoardAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid orgUnitId, PledgeStatus? status, PledgeOwner? owner, CancellationToken ct)
    {
        if (await PledgePhotos.BoardUnitAsync(org, orgUnitId, ct) is not { } unit) return null;
        var today = CreatePledge.Today(clock);
        // Public: open or closed; drafts and members' pledges waiting for (or returned by) their secretary are not.
        var all = db.Pledges.AcrossScope().AsNoTracking().Where(p => p.OrgPath.StartsWith(unit.Path) && (p.State == PledgeState.Open || p.State == PledgeState.Closed));
        var owners = await OwnerClassesAsync(all, ct);
        var q = all;
        if (owner is { } o) q = q.Where(p => p.Owner == o);
        var allTasks = db.PledgeTasks.AcrossScope();
        // The board's totals count every pledge; its rows are the first 300 of the status asked for.
        var (onTrack, late, done) = (await q.WithStatus(allTasks, PledgeStatus.OnTrack, today).CountAsync(ct),
            await q.WithStatus(allTasks, PledgeStatus.Late, today).CountAsync(ct), await q.WithStatus(allTasks, PledgeStatus.Done, today).CountAsync(ct));
        if (status is { } wanted) q = q.WithStatus(allTasks, wanted, today);
        var pledges = await q.OrderBy(p => p.DueOn).ThenBy(p => p.Id).Take(300).ToListAsync(ct);
        var ids = pledges.Select(p => p.Id).ToList();
        var tasks = (await db.PledgeTasks.AcrossScope().AsNoTracking().Where(t => ids.Contains(t.PledgeId)).ToListAsync(ct)).ToLookup(t => t.PledgeId);
        var updates = (await db.PledgeUpdates.AcrossScope().AsNoTracking().Where(u => ids.Contains(u.PledgeId))
                .Select(u => new { u.PledgeId, u.On, u.At, u.Percent, u.Note }).ToListAsync(ct))
            .OrderByDescending(u => u.On).ThenByDescending(u => u.At).ToLookup(u => u.PledgeId);
        var photos = await PledgePhotos.LatestOnBoardAsync(db, ids, ct);
        var rows = pledges.Select(p =>
        {
            var s = StatusOf(p, tasks[p.Id], today);
            var l = updates[p.Id].FirstOrDefault();
            var person = p.Owner == PledgeOwner.Member ? PublicText.Name(p.ResponsiblePerson) : PublicText.Of(p.ResponsiblePerson);
            return new BoardRow(PublicText.Of(p.Title), PublicText.OrNull(p.Description), p.Owner.Chinese(), person, p.ResponsibleUnit, p.DueOn, p.Progress, s, s.Chinese(),
                l?.On, PublicText.OrNull(l?.Note))
            {
                Photos = photos[p.Id].Take(3).ToList(),
                Tasks = tasks[p.Id].OrderBy(t => t.SortOrder).Select(t => new BoardTask(PublicText.Of(t.Title), t.DueOn, t.DoneOn)).ToList(),
                Updates = updates[p.Id].Select(u => new BoardUpdate(u.On, u.Percent, PublicText.Of(u.Note))).ToList(),
            };
        }).ToList();
        return new Board(unit.ShortName.Replace("党工委", "").Replace("党委", ""), today, rows, onTrack, late, done) { Owners = owners };
    }

    /// <summary>Per owner class: the public pledges and how many are done (and on time), from three columns of each.</summary>
    static async Task<IReadOnlyList<OwnerClassCount>> OwnerClassesAsync(IQueryable<Pledge> pledges, CancellationToken ct) =>
        ByOwner((await pledges.Select(p => new { p.Owner, p.DueOn, p.DoneOn }).ToListAsync(ct)).Select(p => (p.Owner, p.DueOn, p.DoneOn)));

    static List<OwnerClassCount> ByOwner(IEnumerable<(PledgeOwner Owner, DateOnly Due, DateOnly? Done)> rows) =>
        PledgeRules.CountByOwner(rows).Select(c => new OwnerClassCount(c.Owner, c.Owner.Chinese(), c.Pledged, c.Done, c.OnTime)).ToList();

    /// <summary>Counts per owner class, and per owner class and responsible person, of the public pledges due in a period.</summary>
    public static async Task<Outcome<PledgeCounts>> CountsAsync(LianxinDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PledgePermissions.PledgeManage)) return Failure.Forbidden;
        var rows = await db.Pledges.AsNoTracking().Where(p => p.DueOn >= from && p.DueOn <= to && (p.State == PledgeState.Open || p.State == PledgeState.Closed))
            .Select(p => new { p.Owner, p.ResponsiblePerson, p.DueOn, p.DoneOn }).ToListAsync(ct);
        var byPerson = rows.GroupBy(r => $"{Platform.Localization.Text.Of(r.Owner.Chinese())} · {r.ResponsiblePerson}")
            .Select(g => { var c = PledgeRules.Count(g.Select(x => (x.DueOn, x.DoneOn))); return new PledgeCount(g.Key, c.Pledged, c.Done, c.OnTime); })
            .OrderByDescending(c => c.Pledged).ToList();
        return new PledgeCounts(ByOwner(rows.Select(r => (r.Owner, r.DueOn, r.DoneOn))), byPerson);
    }
}
