using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Data;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Mediation.Features;

public record CaseRow(Guid Id, string CaseNo, string TypeName, CaseState State, string StateName, DateOnly OpenedOn, string CommunityName, bool OnTeam);

public record PartyDto(string Side, string Name, string? Phone);
public record TeamMemberDto(string Name, string Duty);
public record SessionDto(DateOnly HeldOn, string Place, string Notes, string RecordedBy);

public record CaseDetail(Guid Id, string CaseNo, DisputeType Type, string TypeName, string Summary, CaseState State, string StateName, string CommunityName,
    DateOnly OpenedOn, DateOnly? ClosedOn, string? OutcomeNote, DateOnly? FollowUpDue, DateOnly? FollowedUpOn, string? FollowUpNote, int Version,
    bool OnTeam, IReadOnlyList<PartyDto> Parties, IReadOnlyList<TeamMemberDto> Team, IReadOnlyList<SessionDto> Sessions, IReadOnlyList<Guid> AgreementFiles,
    bool CanEditTeam);

/// <summary>
/// The cases the caller sees (the table's own filter: their team's cases and their community's), and one case. Parties' names and
/// phones are decrypted whole for the team, who must reach them; the community's secretary and staff see them masked.
/// </summary>
public static class CaseQueries
{
    public static async Task<Outcome<List<CaseRow>>> ListAsync(LianxinDb db, OrgDirectory org, CaseState? state, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MediationPermissions.View)) return Failure.Forbidden;
        var q = db.MediationCases.AsNoTracking();
        if (state is { } s) q = q.Where(c => c.State == s);
        var me = db.Scope.UserId ?? Guid.Empty;
        var rows = await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.CaseNo).Take(300)
            .Select(c => new { c.Id, c.CaseNo, c.Type, c.State, c.OpenedOn, c.CommunityId, OnTeam = db.Set<MediationTeamMember>().Any(t => t.CaseId == c.Id && t.UserId == me) })
            .ToListAsync(ct);
        var names = await org.NamesAsync(rows.Select(r => r.CommunityId).Distinct().ToList(), ct);
        return rows.Select(r => new CaseRow(r.Id, r.CaseNo, r.Type.Chinese(), r.State, r.State.Chinese(), r.OpenedOn, names.GetValueOrDefault(r.CommunityId, "—"), r.OnTeam)).ToList();
    }

    public static async Task<Outcome<CaseDetail>> DetailAsync(LianxinDb db, OrgDirectory org, PersonalData personal, Guid id, CancellationToken ct)
    {
        var c = await db.MediationCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        var team = await db.MediationTeam.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Duty).ToListAsync(ct);
        var onTeam = team.Any(t => t.UserId == db.Scope.UserId);
        var parties = await db.MediationParties.AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var sessions = await db.MediationSessions.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.HeldOn).ThenBy(s => s.RecordedAt).ToListAsync(ct);
        var files = await CaseFiles.IdsAsync(db, c, ct);
        var community = (await org.NamesAsync([c.CommunityId], ct)).GetValueOrDefault(c.CommunityId, "—");
        return new CaseDetail(c.Id, c.CaseNo, c.Type, c.Type.Chinese(), c.Summary, c.State, c.State.Chinese(), community, c.OpenedOn, c.ClosedOn, c.OutcomeNote,
            c.FollowUpDue, c.FollowedUpOn, c.FollowUpNote, c.Version, onTeam,
            parties.Select(p =>
            {
                var name = personal.Decrypt(p.NameCipher);
                var phone = p.PhoneCipher is { } cipher ? personal.Decrypt(cipher) : null;
                return new PartyDto(p.Side.Chinese(), onTeam ? name : MediationNames.MaskName(name), phone is null ? null : onTeam ? phone : Mask.Phone(phone));
            }).ToList(),
            team.Select(t => new TeamMemberDto(t.DisplayName, t.Duty.Chinese())).ToList(),
            sessions.Select(s => new SessionDto(s.HeldOn, s.Place, s.Notes, s.RecordedBy)).ToList(), files,
            db.Scope.Can(MediationPermissions.Open, c.OrgPath));
    }
}
