using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public record MotionRow(Guid Id, string Title, string CompoundName, MotionLevel Level, string LevelName, MotionState State, string StateName,
    string SourceName, DateTime RaisedAt, bool Mine);

public record MeetingDto(Guid Id, MotionLevel Level, string Council, string UnitName, DateOnly HeldOn, string Place, string Host, string Participants,
    int ParticipantCount, string Positions, DecisionMode Mode, string ModeName, int? VotesFor, int? VotesAgainst, int? VotesAbstain,
    MeetingResult Result, string ResultName, string Outcome, string RecordedBy);

public record MotionDetail(Guid Id, string Title, string Description, Guid CompoundId, string CompoundName, string CommunityName, MotionLevel Level, string LevelName,
    string HandlerName, MotionState State, string StateName, MotionSource Source, string SourceName, string? ProposerName, string? DemandTicket, Guid? DemandId,
    DateTime RaisedAt, DateTime? SettledAt, MotionLevel? SettledLevel, double? DaysToSettle, string? Outcome, bool ToPledge, int Version, bool CanRecord,
    IReadOnlyList<MeetingDto> Meetings, string? ContactPhone = null);

/// <summary>Motions the caller sees (the compound's unit, its community and street), and one motion with its meetings.</summary>
public static class MotionQueries
{
    public const int Limit = 200;

    public static async Task<Outcome<List<MotionRow>>> ListAsync(LianxinDb db, MotionState? state, MotionLevel? level, bool mine, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.View)) return Failure.Forbidden;
        var q = db.Motions.AsNoTracking();
        if (state is { } s) q = q.Where(m => m.State == s);
        if (level is { } l) q = q.Where(m => m.Level == l);
        var roots = db.Scope.Grants.Where(g => g.Role.Allows(DeliberationPermissions.Manage)).Select(g => g.OrgPath).ToList();
        // "Waiting for my meeting": open motions whose handling unit is one of the caller's own.
        if (mine) q = q.Where(m => m.State == MotionState.Open && roots.Any(r => m.HandlerPath.StartsWith(r)));
        var rows = await q.OrderByDescending(m => m.RaisedAt).Take(Limit)
            .Select(m => new { m.Id, m.Title, m.CompoundName, m.Level, m.State, m.Source, m.RaisedAt, m.HandlerPath }).ToListAsync(ct);
        return rows.Select(m => new MotionRow(m.Id, m.Title, m.CompoundName, m.Level, m.Level.Chinese(), m.State, m.State.Chinese(), m.Source.Chinese(), m.RaisedAt,
            m.State == MotionState.Open && roots.Any(r => m.HandlerPath.StartsWith(r, StringComparison.Ordinal)))).ToList();
    }

    public static async Task<Outcome<MotionDetail>> DetailAsync(LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(DeliberationPermissions.View)) return Failure.Forbidden;
        var m = await db.Motions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Failure.NotFound;
        var meetings = await db.MotionMeetings.AsNoTracking().Where(x => x.MotionId == id).OrderBy(x => x.RecordedAt).ToListAsync(ct);
        var names = await org.NamesAsync(meetings.Select(x => x.UnitId).Append(m.HandlerUnitId).Append(m.CommunityId).ToList(), ct);
        string Name(Guid u) => names.TryGetValue(u, out var n) ? n : "—";
        var phone = m.ContactPhoneCipher is null ? null : pd.OpenPhone(m.ContactPhoneCipher);
        var canRecord = m.State == MotionState.Open && db.Scope.Can(DeliberationPermissions.Manage, m.HandlerPath);
        return new MotionDetail(m.Id, m.Title, m.Description, m.CompoundId, m.CompoundName, Name(m.CommunityId), m.Level, m.Level.Chinese(), Name(m.HandlerUnitId),
            m.State, m.State.Chinese(), m.Source, m.Source.Chinese(), m.ProposerName, m.DemandTicket, m.DemandId, m.RaisedAt, m.SettledAt, m.SettledLevel,
            m.DaysToSettle, m.Outcome, m.ToPledge, m.Version, canRecord,
            meetings.Select(x => new MeetingDto(x.Id, x.Level, x.Level.Council(), Name(x.UnitId), x.HeldOn, x.Place, x.Host, x.Participants, x.ParticipantCount,
                x.Positions, x.Mode, x.Mode.Chinese(), x.VotesFor, x.VotesAgainst, x.VotesAbstain, x.Result, x.Result.Chinese(), x.Outcome, x.RecordedBy)).ToList(),
            // The unit whose council has the proposal calls the proposer back; everyone else, the street included, sees the number masked.
            db.Scope.Grants.Any(g => g.OrgUnitId == m.HandlerUnitId && g.Role.Allows(DeliberationPermissions.Manage)) ? phone : phone is null ? null : Mask.Phone(phone));
    }
}
