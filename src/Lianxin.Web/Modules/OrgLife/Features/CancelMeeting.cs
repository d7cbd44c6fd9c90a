using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public class CancelMeetingRequest
{
    public string Reason { get; set; } = "";
}

/// <summary>A cancelled meeting is kept (with its reason) and no longer counts; calendars show it as cancelled.</summary>
public static class CancelMeeting
{
    public static async Task<Outcome<MeetingSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, CancelMeetingRequest r, CancellationToken ct)
    {
        var m = await db.Meetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgLifePermissions.Record, m.OrgPath)) return Failure.Forbidden;
        if (m.Status == MeetingStatus.Cancelled) return Failure.Conflict("该会议已经取消。");
        var e = new Errors();
        e.Required(nameof(r.Reason), r.Reason, "请填写取消原因。");
        e.Max(nameof(r.Reason), r.Reason, 200, "取消原因");
        if (e.Any) return Failure.Invalid(e);
        m.Status = MeetingStatus.Cancelled;
        m.CancelReason = r.Reason.Trim();
        m.Sequence++;
        m.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new MeetingSaved(m.Id, m.Version, []);
    }
}
