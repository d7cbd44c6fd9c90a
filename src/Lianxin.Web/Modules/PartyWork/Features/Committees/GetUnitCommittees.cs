using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

public record SeatDto(Guid Id, string Post, string PostName, Guid? MemberId, string Name, int? Votes, DateOnly FromOn, DateOnly? LeftOn, string? LeftReason);

public record ElectionDto(Guid Id, DateOnly HeldOn, string Meeting, int Eligible, int Present, string? Note, string RecordedBy);

public record CommitteeDto(Guid Id, CommitteeKind Kind, string KindName, DateOnly TermStart, int TermYears, DateOnly TermEndsOn, bool Current, DateOnly? EndedOn,
    TermStatus Status, string StatusName, bool VacantSecretary, IReadOnlyList<SeatDto> Seats, ElectionDto? Election, int Version);

public record UnitCommittees(Guid UnitId, string UnitName, OrgKind UnitKind, IReadOnlyList<CommitteeKind> Kinds, IReadOnlyList<CommitteeDto> Current,
    IReadOnlyList<CommitteeDto> History, bool CanManage, DateOnly Today);

/// <summary>A unit's committees: the current ones with their members and term, and every earlier term with its election.</summary>
public static class GetUnitCommittees
{
    public static async Task<Outcome<UnitCommittees>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.View, unit.Path)) return Failure.Forbidden;
        var committees = await db.Committees.AsNoTracking().Where(c => c.UnitId == unitId).OrderBy(c => c.Kind).ThenByDescending(c => c.TermStart).ToListAsync(ct);
        var ids = committees.Select(c => c.Id).ToList();
        var seats = (await db.PartyCommitteeSeats.AsNoTracking().Where(s => ids.Contains(s.CommitteeId)).OrderBy(s => s.Seq).ToListAsync(ct)).ToLookup(s => s.CommitteeId);
        var elections = await db.Elections.AsNoTracking().Where(x => x.UnitId == unitId).ToDictionaryAsync(x => x.CommitteeId, ct);
        var today = clock.Today();
        var dtos = committees.Select(c => ToDto(c, seats[c.Id].ToList(), elections.GetValueOrDefault(c.Id), today)).ToList();
        return new UnitCommittees(unit.Id, unit.DisplayName, unit.Kind, CommitteeRules.KindsOf(unit.Kind), dtos.Where(c => c.Current).ToList(),
            dtos.Where(c => !c.Current).ToList(), db.Scope.Can(PartyWorkPermissions.Approve, unit.Path), today);
    }

    static CommitteeDto ToDto(Committee c, IReadOnlyList<CommitteeSeat> seats, Election? e, DateOnly today)
    {
        return new CommitteeDto(c.Id, c.Kind, c.Kind.Chinese(), c.TermStart, c.TermYears, c.TermEndsOn, c.Current, c.EndedOn,
            CommitteeRules.Status(c.TermEndsOn, today), c.Current ? CommitteeRules.Status(c.TermEndsOn, today).Chinese() : "已换届",
            c.Current && CommitteeTerms.VacantSecretary(c.Kind, seats),
            seats.Select(s => new SeatDto(s.Id, s.Post, CommitteeRules.PostNames.GetValueOrDefault(s.Post, s.Post), s.MemberId, s.Name, s.Votes, s.FromOn, s.LeftOn, s.LeftReason)).ToList(),
            e is null ? null : new ElectionDto(e.Id, e.HeldOn, e.Meeting, e.Eligible, e.Present, e.Note, e.RecordedBy), c.Version);
    }
}
