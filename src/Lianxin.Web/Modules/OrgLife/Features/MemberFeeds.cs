using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Data;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.OrgLife.Features;

public record MyFeed(string? Url);

/// <summary>The signed-in member's own calendar feed: its URL, or none until they ask for one.</summary>
public static class GetMyFeed
{
    public static async Task<Outcome<MyFeed>> HandleAsync(LianxinDb db, MemberDirectory members, CancellationToken ct)
    {
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.NotFound with { Message = Trainings.NotAMember };
        var token = await db.MemberFeeds.AcrossScope().Where(f => f.MemberId == me.Id).Select(f => f.Token).FirstOrDefaultAsync(ct);
        return new MyFeed(token is null ? null : ResetMemberFeed.UrlOf(token));
    }
}

/// <summary>Gives the signed-in member a private feed, or a new token for it: the old URL stops working at once.</summary>
public static class ResetMemberFeed
{
    public static async Task<Outcome<MyFeed>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, CancellationToken ct)
    {
        if (await Trainings.MeAsync(db, members, ct) is not { } me) return Failure.NotFound with { Message = Trainings.NotAMember };
        // The member's own row, wherever their branch sits in relation to their role's scope.
        var feed = await db.MemberFeeds.AcrossScope().FirstOrDefaultAsync(f => f.MemberId == me.Id, ct);
        if (feed is null) db.MemberFeeds.Add(feed = new MemberFeed { MemberId = me.Id });
        feed.OrgPath = me.BranchPath;
        feed.Token = ResetFeedToken.NewToken();
        feed.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new MyFeed(UrlOf(feed.Token));
    }

    public static string UrlOf(string token) => $"/orglife/feeds/member/{token}.ics";
}

/// <summary>
/// The iCalendar text of a member's feed, for whoever holds its token: the meetings of the branches the member was on the
/// roster of on each meeting's date (from a year back, and all coming ones), and the training sessions they enrolled in.
/// UIDs are the records' ids, the same as in the branch feed, so a calendar subscribed to both shows each meeting once.
/// </summary>
public static class GetMemberFeedCalendar
{
    public static async Task<Outcome<string>> HandleAsync(LianxinDb db, MemberDirectory members, TimeProvider clock, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return Failure.NotFound;
        // The caller is anonymous: the token, not a role, opens this member's calendar.
        var feed = await db.MemberFeeds.AcrossScope().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null) return Failure.NotFound;
        var member = (await members.ManyInDistrictAsync([feed.MemberId], ct)).FirstOrDefault();
        if (member is null) return Failure.NotFound;
        var since = clock.Today().AddYears(-1);
        var spans = await members.RosterSpansAsync(member.Id, ct);
        if (spans.Count == 0 && member.OnRoster) spans = [new RosterSpan(member.BranchId, member.BranchPath, DateOnly.MinValue, null)];
        var branchIds = spans.Select(s => s.BranchId).Distinct().ToList();
        var meetings = (await db.Meetings.AcrossScope().AsNoTracking().Where(m => branchIds.Contains(m.BranchId) && m.HeldOn >= since).ToListAsync(ct))
            .Where(m => spans.Any(s => s.BranchId == m.BranchId && s.From <= m.HeldOn && (s.To is null || m.HeldOn <= s.To))).ToList();
        var sessionIds = await db.TrainingRecords.AcrossScope().Where(r => r.MemberId == member.Id && r.HeldOn >= since).Select(r => r.SessionId).ToListAsync(ct);
        var sessions = await db.TrainingSessions.AcrossScope().AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToListAsync(ct);

        var cal = new ICalendar($"{member.Name}的组织生活");
        var events = meetings.Select(m => (m.StartsAt, Event: GetFeedCalendar.EventOf(m)))
            .Concat(sessions.Select(s => (s.StartsAt, Event: new ICalendar.Event($"{s.Id}@lianxin", s.Sequence, s.UpdatedAt, s.StartsAt, s.EndsAt,
                $"【{s.Kind.Chinese()}】{s.Title}", s.Place, s.Teacher is null ? null : $"授课人：{s.Teacher}", s.Cancelled))));
        foreach (var (_, e) in events.OrderBy(x => x.StartsAt)) cal.Add(e);
        return cal.ToString();
    }
}
