using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features.Dispatch;

public class ActionItemInput
{
    public string Title { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    /// <summary>What it follows up from the agenda (a ticket number, a pledge), optional.</summary>
    public string? SourceRef { get; set; }
}

public class CloseItemInput
{
    public string? Note { get; set; }
}

public record ActionItemSaved(Guid Id, Guid MeetingId, ActionItemState State);

/// <summary>Adding an action item to a dispatch meeting (owner, due date) and closing one when it is done.</summary>
public static class ActionItems
{
    public static async Task<Outcome<ActionItemSaved>> AddAsync(LianxinDb db, TimeProvider clock, Guid meetingId, ActionItemInput r, CancellationToken ct)
    {
        var meeting = await db.DispatchMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifeWorkPermissions.Dispatch, meeting.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required(nameof(r.Title), r.Title, "请填写事项内容。");
        e.Max(nameof(r.Title), r.Title, 200, "事项内容");
        e.Required(nameof(r.Owner), r.Owner, "请填写责任人。");
        e.Max(nameof(r.Owner), r.Owner, 60, "责任人");
        e.Max(nameof(r.SourceRef), r.SourceRef, 100, "关联事项");
        if (r.DueOn is not { } due) e.Fail(nameof(r.DueOn), "请填写完成期限。");
        else if (due < meeting.HeldOn) e.Fail(nameof(r.DueOn), "完成期限不能早于调度会日期。");
        else if (due > meeting.HeldOn.AddYears(1)) e.Fail(nameof(r.DueOn), "完成期限须在一年以内。");
        if (e.Any) return Failure.Invalid(e);
        if (await db.DispatchMeetings.AnyAsync(m => m.CommunityId == meeting.CommunityId && m.HeldOn > meeting.HeldOn, ct))
            return Failure.Conflict("已召开下一次周调度会，请在最新一次调度会上添加事项。");
        var seq = await db.DispatchItems.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Seq, ct) ?? 0;
        var item = new DispatchItem
        {
            MeetingId = meetingId, OrgPath = meeting.OrgPath, Seq = seq + 1, Title = r.Title.Trim(), Owner = r.Owner.Trim(), DueOn = r.DueOn!.Value,
            SourceRef = string.IsNullOrWhiteSpace(r.SourceRef) ? null : r.SourceRef.Trim(),
        };
        db.DispatchItems.Add(item);
        await db.SaveChangesAsync(ct);
        return new ActionItemSaved(item.Id, meetingId, item.State);
    }

    public static async Task<Outcome<ActionItemSaved>> CloseAsync(LianxinDb db, TimeProvider clock, Guid itemId, CloseItemInput r, CancellationToken ct)
    {
        var item = await db.DispatchItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifeWorkPermissions.Dispatch, item.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Max(nameof(r.Note), r.Note, 500, "办结说明");
        if (e.Any) return Failure.Invalid(e);
        if (item.State != ActionItemState.Open)
            return Failure.Conflict(item.State == ActionItemState.Closed ? "该事项已办结。" : "该事项已结转到下一次调度会，请在那里办结。");
        item.State = ActionItemState.Closed;
        item.ClosedOn = clock.Today();
        item.ClosedNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        await db.SaveChangesAsync(ct);
        return new ActionItemSaved(item.Id, item.MeetingId, item.State);
    }
}
