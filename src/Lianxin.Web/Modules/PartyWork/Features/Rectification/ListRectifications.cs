using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Rectification;

public record RectificationRow(Guid Id, Guid UnitId, string UnitName, string CommunityName, string Reasons, string Helper, DateOnly StartedOn,
    RectifyState State, string StateName, int Tasks, int Done, int Overdue, DateOnly? ExitedOn);

/// <summary>Per street: units under rectification now, and those that exited this year.</summary>
public record StreetRectifyFigures(Guid StreetId, string StreetName, int Open, int ExitedThisYear, int OverdueTasks);

public record RectificationList(IReadOnlyList<RectificationRow> Rows, IReadOnlyList<StreetRectifyFigures> Streets, bool CanRectify, DateOnly Today);

/// <summary>Units under rectification (整顿中 first, then the record of those that exited), with the figures per street.</summary>
public static class ListRectifications
{
    public static async Task<Outcome<RectificationList>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(PartyWorkPermissions.View)) return Failure.Forbidden;
        var rects = await db.BranchRectifications.AsNoTracking().ToListAsync(ct);
        var ids = rects.Select(r => r.Id).ToList();
        var tasks = (await db.RectificationTasks.AsNoTracking().Where(t => ids.Contains(t.RectificationId)).ToListAsync(ct)).ToLookup(t => t.RectificationId);
        var criteria = await RectifyCriteria.AllAsync(db, ct);
        var today = clock.Today();
        var units = (await org.ManyAsync(rects.Select(r => r.UnitId), ct)).ToDictionary(u => u.Id);
        var above = (await org.ManyAsync(rects.SelectMany(r => r.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse), ct))
            .Where(u => u.Kind is OrgKind.Community or OrgKind.Street).ToList();
        string CommunityOf(BranchRectification r) =>
            units.GetValueOrDefault(r.UnitId)?.Kind == OrgKind.Community ? "" : above.FirstOrDefault(u => u.Kind == OrgKind.Community && r.OrgPath.StartsWith(u.Path, StringComparison.Ordinal))?.DisplayName ?? "";
        var rows = rects.Select(r =>
            {
                var mine = tasks[r.Id].ToList();
                return new RectificationRow(r.Id, r.UnitId, units.GetValueOrDefault(r.UnitId)?.DisplayName ?? "—", CommunityOf(r), RectifyCriteria.Reasons(criteria, r.ReasonCodes),
                    r.Helper, r.StartedOn, r.State, r.State.Chinese(), mine.Count, mine.Count(t => t.DoneOn != null),
                    r.State == RectifyState.Open ? mine.Count(t => t.DoneOn == null && t.DueOn < today) : 0, r.ExitedOn);
            })
            .OrderBy(r => r.State).ThenByDescending(r => r.Overdue).ThenBy(r => r.StartedOn).ThenBy(r => r.UnitName).ToList();
        var streets = (await org.InScopeAsync(ct, true, OrgKind.Street)).Select(s =>
            {
                var mine = rects.Where(r => r.OrgPath.StartsWith(s.Path, StringComparison.Ordinal)).ToList();
                return new StreetRectifyFigures(s.Id, s.DisplayName, mine.Count(r => r.State == RectifyState.Open),
                    mine.Count(r => r.State == RectifyState.Exited && r.ExitedOn?.Year == today.Year),
                    rows.Where(x => mine.Any(m => m.Id == x.Id)).Sum(x => x.Overdue));
            }).ToList();
        return new RectificationList(rows, streets, db.Scope.CanAnywhere(PartyWorkPermissions.Rectify), today);
    }
}
