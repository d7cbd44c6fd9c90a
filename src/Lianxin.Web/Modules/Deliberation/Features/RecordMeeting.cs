using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Events;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class RecordMeetingRequest
{
    public int Version { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string Place { get; set; } = "";
    public string Host { get; set; } = "";
    public string Participants { get; set; } = "";
    public int ParticipantCount { get; set; }
    public string Positions { get; set; } = "";
    public DecisionMode Mode { get; set; } = DecisionMode.Consensus;
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstain { get; set; }
    /// <summary>Said by a consensus meeting; a vote's result follows from its counts.</summary>
    public MeetingResult Result { get; set; } = MeetingResult.Settled;
    public string Outcome { get; set; } = "";
    /// <summary>The meeting asks that the outcome become a practical matter (我为群众办实事) of the unit that settled it.</summary>
    public bool ToPledge { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? PledgeDueOn { get; set; }
}

public record MeetingRecorded(Guid MotionId, MotionState State, MotionLevel Level, MeetingResult Result, int Version);

/// <summary>
/// The meeting of the level handling a motion. Settled: the motion is done (and, if asked, becomes a draft pledge of that unit
/// through <see cref="MotionSettled"/>). Unresolved: it goes up, compound → community → street; the street's unresolved meeting ends it.
/// </summary>
public static class RecordMeeting
{
    public static async Task<Outcome<MeetingRecorded>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid motionId, RecordMeetingRequest r, CancellationToken ct)
    {
        var m = await db.Motions.FirstOrDefaultAsync(x => x.Id == motionId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.Manage, m.HandlerPath)) return Failure.Forbidden;
        if (m.State != MotionState.Open) return Failure.Conflict($"该议题{m.State.Chinese()}，不能再记录议事会。");

        var today = clock.Today();
        var e = new Errors();
        if (r.HeldOn is null) e.Fail(nameof(r.HeldOn), "请填写议事日期。");
        else if (r.HeldOn > today) e.Fail(nameof(r.HeldOn), "议事日期不能晚于今天。");
        else if (r.HeldOn < DateOnly.FromDateTime(ChinaTime.ToBeijing(m.LevelSince))) e.Fail(nameof(r.HeldOn), "议事日期不能早于议题提交到本级的日期。");
        e.Required(nameof(r.Place), r.Place, "请填写议事地点。");
        e.Max(nameof(r.Place), r.Place, 100, "议事地点");
        e.Required(nameof(r.Host), r.Host, "请填写主持人。");
        e.Max(nameof(r.Host), r.Host, 60, "主持人");
        e.Required(nameof(r.Participants), r.Participants, "请填写参加人员。");
        e.Max(nameof(r.Participants), r.Participants, 2000, "参加人员");
        if (r.ParticipantCount is < 1 or > 10000) e.Fail(nameof(r.ParticipantCount), "参加人数须在 1–10000 之间。");
        e.Required(nameof(r.Positions), r.Positions, "请记录各方意见。");
        e.Max(nameof(r.Positions), r.Positions, 4000, "各方意见");
        e.Required(nameof(r.Outcome), r.Outcome, "请填写议事结果。");
        e.Max(nameof(r.Outcome), r.Outcome, 2000, "议事结果");
        if (!Enum.IsDefined(r.Mode)) e.Fail(nameof(r.Mode), "请选择议决方式。");
        var result = r.Result;
        if (r.Mode == DecisionMode.Vote)
        {
            if (r.VotesFor is null or < 0) e.Fail(nameof(r.VotesFor), "请填写赞成票数。");
            if (r.VotesAgainst is null or < 0) e.Fail(nameof(r.VotesAgainst), "请填写反对票数。");
            if (r.VotesAbstain is < 0) e.Fail(nameof(r.VotesAbstain), "弃权票数不能为负。");
            var cast = (r.VotesFor ?? 0) + (r.VotesAgainst ?? 0) + (r.VotesAbstain ?? 0);
            if (cast == 0 && !e.ContainsKey(nameof(r.VotesFor))) e.Fail(nameof(r.VotesFor), "表决票数不能都为 0。");
            else if (cast > r.ParticipantCount) e.Fail(nameof(r.VotesFor), "表决票数合计不能多于参加人数。");
            result = MotionRules.VoteResult(r.VotesFor ?? 0, r.VotesAgainst ?? 0, r.VotesAbstain ?? 0);
        }
        else if (!Enum.IsDefined(r.Result)) e.Fail(nameof(r.Result), "请选择是否议定。");
        var pledge = r.ToPledge && result == MeetingResult.Settled;
        if (pledge)
        {
            e.Required(nameof(r.ResponsiblePerson), r.ResponsiblePerson, "转为办实事事项时请填写责任人。");
            e.Max(nameof(r.ResponsiblePerson), r.ResponsiblePerson, 60, "责任人");
            if (r.PledgeDueOn is null) e.Fail(nameof(r.PledgeDueOn), "转为办实事事项时请填写完成时限。");
            else if (r.PledgeDueOn < today) e.Fail(nameof(r.PledgeDueOn), "完成时限不能早于今天。");
        }
        if (e.Any) return Failure.Invalid(e);
        if (m.Version != r.Version) return Failure.Stale;
        db.Entry(m).Property(x => x.Version).OriginalValue = r.Version;

        var now = clock.GetUtcNow().UtcDateTime;
        var vote = r.Mode == DecisionMode.Vote;
        db.MotionMeetings.Add(new MotionMeeting
        {
            MotionId = m.Id, OrgPath = m.OrgPath, Level = m.Level, UnitId = m.HandlerUnitId, HeldOn = r.HeldOn!.Value, Place = r.Place.Trim(), Host = r.Host.Trim(),
            Participants = r.Participants.Trim(), ParticipantCount = r.ParticipantCount, Positions = r.Positions.Trim(), Mode = r.Mode,
            VotesFor = vote ? r.VotesFor : null, VotesAgainst = vote ? r.VotesAgainst : null, VotesAbstain = vote ? r.VotesAbstain ?? 0 : null,
            Result = result, Outcome = r.Outcome.Trim(), RecordedBy = db.Scope.UserName, RecordedAt = now,
        });
        if (result == MeetingResult.Settled)
        {
            (m.State, m.SettledAt, m.SettledLevel, m.DaysToSettle, m.Outcome, m.ToPledge) =
                (MotionState.Settled, now, m.Level, MotionRules.Days(m.RaisedAt, now), r.Outcome.Trim(), pledge);
            if (pledge)
                db.Publish(new MotionSettled(m.Id, m.Title, m.CompoundName, m.Level.Council(), m.Outcome, m.HandlerUnitId, m.HandlerPath,
                    r.ResponsiblePerson!.Trim(), r.PledgeDueOn!.Value, now), now);
        }
        else if (MotionRules.Above(m.Level) is { } up)
        {
            var unit = await org.FindInDistrictAsync(up == MotionLevel.Community ? m.CommunityId : m.StreetId, ct);
            if (unit is null) return Failure.Conflict("未找到上一级组织，无法提交上级议事。");
            (m.Level, m.HandlerUnitId, m.HandlerPath, m.LevelSince) = (up, unit.Id, unit.Path, now);
        }
        else (m.State, m.Outcome) = (MotionState.Closed, r.Outcome.Trim());
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new MeetingRecorded(m.Id, m.State, m.Level, result, m.Version);
    }
}
