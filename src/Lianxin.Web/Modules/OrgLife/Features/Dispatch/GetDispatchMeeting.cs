using System.Text.Json;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Dispatch;

public record ActionItemRow(Guid Id, int Seq, string Title, string Owner, DateOnly DueOn, string? SourceRef, ActionItemState State, string StateName,
    DateOnly? ClosedOn, string? ClosedNote, int Weeks, bool Late);

/// <summary>One dispatch meeting: its agenda as pulled, its action items, and last meeting's items (which were closed, which carried over).</summary>
public record DispatchMeetingDetail(Guid Id, Guid CommunityId, string Community, DateOnly HeldOn, string? Notes, IReadOnlyList<AgendaLine> Agenda,
    IReadOnlyList<ActionItemRow> Items, DateOnly? PreviousOn, Guid? PreviousId, IReadOnlyList<ActionItemRow> PreviousItems, bool CanManage, bool IsLatest)
{
    public int PreviousClosed => PreviousItems.Count(i => i.State == ActionItemState.Closed);
    public int PreviousCarried => PreviousItems.Count(i => i.State == ActionItemState.CarriedOver);
}

public record DispatchMeetingRow(Guid Id, string Community, DateOnly HeldOn, int Items, int Open);

public static class GetDispatchMeeting
{
    public static async Task<Outcome<DispatchMeetingDetail>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var m = await db.DispatchMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.View, m.OrgPath)) return Failure.Forbidden;
        var today = clock.Today();
        var previous = await db.DispatchMeetings.AsNoTracking().Where(x => x.CommunityId == m.CommunityId && x.HeldOn < m.HeldOn)
            .OrderByDescending(x => x.HeldOn).Select(x => new { x.Id, x.HeldOn }).FirstOrDefaultAsync(ct);
        var latest = !await db.DispatchMeetings.AnyAsync(x => x.CommunityId == m.CommunityId && x.HeldOn > m.HeldOn, ct);
        var community = await org.FindAsync(m.CommunityId, ct);
        return new DispatchMeetingDetail(m.Id, m.CommunityId, community?.DisplayName ?? "", m.HeldOn, m.Notes,
            JsonSerializer.Deserialize<List<AgendaLine>>(m.AgendaJson) ?? [], await ItemsAsync(db, m.Id, today, ct),
            previous?.HeldOn, previous?.Id, previous is null ? [] : await ItemsAsync(db, previous.Id, today, ct),
            db.Scope.Can(OrgLifeWorkPermissions.Dispatch, m.OrgPath), latest);
    }

    /// <summary>The dispatch meetings of the communities in scope, newest first.</summary>
    public static async Task<Outcome<List<DispatchMeetingRow>>> ListAsync(LianxinDb db, OrgDirectory org, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.View)) return Failure.Forbidden;
        var items = db.DispatchItems;
        var rows = await db.DispatchMeetings.AsNoTracking().OrderByDescending(m => m.HeldOn).Take(100)
            .Select(m => new
            {
                m.Id, m.CommunityId, m.HeldOn,
                Items = items.Count(i => i.MeetingId == m.Id),
                Open = items.Count(i => i.MeetingId == m.Id && i.State == ActionItemState.Open),
            }).ToListAsync(ct);
        var names = await org.NamesAsync(rows.Select(r => r.CommunityId).Distinct().ToList(), ct);
        return rows.Select(r => new DispatchMeetingRow(r.Id, names.GetValueOrDefault(r.CommunityId, ""), r.HeldOn, r.Items, r.Open)).ToList();
    }

    static async Task<List<ActionItemRow>> ItemsAsync(LianxinDb db, Guid meetingId, DateOnly today, CancellationToken ct) =>
        (await db.DispatchItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Seq).ToListAsync(ct))
        .Select(i => new ActionItemRow(i.Id, i.Seq, i.Title, i.Owner, i.DueOn, i.SourceRef, i.State, StateName(i.State), i.ClosedOn, i.ClosedNote, i.Weeks,
            i.State == ActionItemState.Open && i.DueOn < today)).ToList();

    public static string StateName(ActionItemState s) => s switch
    {
        ActionItemState.Open => "推进中", ActionItemState.Closed => "已办结", ActionItemState.CarriedOver => "结转下周", _ => s.ToString(),
    };
}
