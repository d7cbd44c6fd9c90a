using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

/// <summary>
/// The iCalendar text of a branch's feed, for whoever holds its token (no sign-in: calendar apps cannot). It carries the
/// last year's and all coming meetings; the UID is the meeting's id, so an edit or a cancellation updates the same event.
/// </summary>
public static class GetFeedCalendar
{
    public static async Task<Outcome<string>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return Failure.NotFound;
        // The caller is anonymous: the token, not a role, opens this branch's meetings.
        var feed = await db.BranchFeeds.AcrossScope().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null) return Failure.NotFound;
        var since = clock.Today().AddYears(-1);
        var meetings = await db.Meetings.AcrossScope().AsNoTracking().Where(m => m.BranchId == feed.BranchId && m.HeldOn >= since)
            .OrderBy(m => m.StartsAt).ToListAsync(ct);
        var branch = await org.FindInDistrictAsync(feed.BranchId, ct);
        var cal = new ICalendar($"{branch?.DisplayName ?? "党支部"}组织生活");
        foreach (var m in meetings) cal.Add(EventOf(m));
        return cal.ToString();
    }

    /// <summary>A meeting as a calendar event, the same in the branch's and its members' feeds.</summary>
    internal static ICalendar.Event EventOf(Meeting m)
    {
        var description = string.Join("\n", new[] { $"主持人：{m.Host}", m.Agenda is null ? null : $"议程：{m.Agenda}",
            m.CancelReason is null ? null : $"取消原因：{m.CancelReason}" }.Where(x => x is not null));
        return new ICalendar.Event($"{m.Id}@lianxin", m.Sequence, m.UpdatedAt, m.StartsAt, m.EndsAt, $"【{m.Kind.Chinese()}】{m.Topic}",
            m.Mode == MeetingMode.Online ? $"线上：{m.Place}" : m.Place, description, m.Status == MeetingStatus.Cancelled);
    }
}
