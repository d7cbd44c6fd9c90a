using System.Text.Json;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Dispatch;

public class DispatchMeetingInput
{
    public Guid CommunityId { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? Notes { get; set; }
}

public record DispatchMeetingSaved(Guid Id, int Agenda, int CarriedOver);

/// <summary>
/// Opens this week's dispatch meeting of a community: pulls the agenda (open demands, overdue first; overdue pledges; running
/// co-building projects, overdue first) and
/// carries last meeting's open action items over (they stay on last week's list as 结转, with a copy on this one).
/// </summary>
public static class CreateDispatchMeeting
{
    public const int AgendaDemands = 30;

    public static async Task<Outcome<DispatchMeetingSaved>> HandleAsync(LianxinDb db, OrgDirectory org, DemandDirectory demands, PledgeDirectory pledges,
        ProjectDirectory projects, TimeProvider clock, DispatchMeetingInput r, CancellationToken ct)
    {
        var today = clock.Today();
        var e = new Errors();
        if (r.HeldOn is not { } heldOn) e.Fail(nameof(r.HeldOn), "请填写调度会日期。");
        else if (heldOn > today.AddDays(7) || heldOn < today.AddDays(-30)) e.Fail(nameof(r.HeldOn), "调度会日期须在近 30 天至未来 7 天之内。");
        e.Max(nameof(r.Notes), r.Notes, 2000, "会议备注");
        if (r.CommunityId == Guid.Empty) e.Fail(nameof(r.CommunityId), "请选择社区。");
        if (e.Any) return Failure.Invalid(e);
        if (await org.FindAsync(r.CommunityId, ct) is not { Kind: OrgKind.Community } community) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifeWorkPermissions.Dispatch, community.Path)) return Failure.Forbidden;

        var previous = await db.DispatchMeetings.Where(m => m.CommunityId == community.Id).OrderByDescending(m => m.HeldOn).FirstOrDefaultAsync(ct);
        if (previous is not null && previous.HeldOn >= r.HeldOn)
            return Failure.Invalid(nameof(r.HeldOn), $"本社区已有 {previous.HeldOn:yyyy-MM-dd} 的周调度会，新的调度会日期须晚于它。");

        var agenda = new List<AgendaLine>();
        foreach (var d in await demands.OpenUnderAsync(community.Path, AgendaDemands, ct))
            agenda.Add(new AgendaLine("诉求", d.TicketNo, $"{d.Category}：{d.Description}",
                d.ResolveDueAt is { } due ? $"{d.StateName} · 办结时限 {ChinaTime.Minutes(due)}" : d.StateName, d.Overdue, $"/demands/{d.Id}"));
        foreach (var p in await pledges.OverdueUnderAsync(community.Path, r.HeldOn!.Value, ct))
            agenda.Add(new AgendaLine("承诺事项", p.Title, p.Title, $"{p.ResponsibleUnit} {p.ResponsiblePerson} · 期限 {p.DueOn:yyyy-MM-dd} · 进度 {p.Progress}%", true, $"/pledges/{p.Id}"));
        foreach (var p in await projects.RunningUnderAsync(community.Path, r.HeldOn!.Value, ct))
            agenda.Add(new AgendaLine("共建项目", p.Title, p.Goal, p.Overdue ? $"已超过计划完成日期 {p.EndOn:yyyy-MM-dd}" : $"计划 {p.EndOn:yyyy-MM-dd} 完成", p.Overdue, $"/cobuilding/projects/{p.Id}"));

        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = new DispatchMeeting
        {
            CommunityId = community.Id, OrgPath = community.Path, HeldOn = r.HeldOn!.Value, Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim(),
            AgendaJson = JsonSerializer.Serialize(agenda), CreatedAt = now, CreatedBy = db.Scope.UserName,
        };
        db.DispatchMeetings.Add(meeting);
        var carried = 0;
        if (previous is not null)
        {
            var open = await db.DispatchItems.Where(i => i.MeetingId == previous.Id && i.State == ActionItemState.Open).OrderBy(i => i.Seq).ToListAsync(ct);
            foreach (var item in open)
            {
                item.State = ActionItemState.CarriedOver;
                db.DispatchItems.Add(new DispatchItem
                {
                    MeetingId = meeting.Id, OrgPath = meeting.OrgPath, Seq = ++carried, Title = item.Title, Owner = item.Owner, DueOn = item.DueOn,
                    SourceRef = item.SourceRef, CarriedFromId = item.Id, Weeks = item.Weeks + 1,
                });
            }
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("该社区当天的周调度会刚刚已由他人创建，请刷新后查看。");
        }
        return new DispatchMeetingSaved(meeting.Id, agenda.Count, carried);
    }
}
