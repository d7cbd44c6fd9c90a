using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

/// <summary>An election held by a unit: the meeting, who could vote and came, and who was elected to which post.</summary>
public class ElectionInput
{
    public CommitteeKind? Kind { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string Meeting { get; set; } = "";
    public int? Eligible { get; set; }
    public int? Present { get; set; }
    public string? Note { get; set; }
    public List<SeatInput> Seats { get; set; } = [];
}

public record ElectionSaved(Guid ElectionId, Guid CommitteeId, DateOnly TermEndsOn);

/// <summary>
/// Records an election (换届): the new committee starts its term on the election day with the district's term length for its
/// kind; the committee it replaces ends that day and stays as history, with its members.
/// </summary>
public static class RecordElection
{
    public static async Task<Outcome<ElectionSaved>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock,
        Guid unitId, ElectionInput r, CancellationToken ct)
    {
        var unit = await org.FindAsync(unitId, ct);
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.Approve, unit.Path)) return Failure.Forbidden;

        var e = new Errors();
        var today = clock.Today();
        if (r.Kind is not { } kind || !CommitteeRules.KindsOf(unit.Kind).Contains(kind))
        {
            e.Fail(nameof(r.Kind), $"{unit.DisplayName}不选举这类班子。");
            kind = default;
        }
        if (r.HeldOn is null) e.Fail(nameof(r.HeldOn), "请填写选举日期。");
        else if (r.HeldOn > today) e.Fail(nameof(r.HeldOn), "选举日期不能晚于今天。");
        e.Required(nameof(r.Meeting), r.Meeting, "请填写选举会议（如：党员大会）。");
        e.Max(nameof(r.Meeting), r.Meeting, 60, "选举会议");
        e.Max(nameof(r.Note), r.Note, 500, "备注");
        if (r.Eligible is not (>= 1 and <= 100000)) e.Fail(nameof(r.Eligible), "请填写应到会有选举权的人数。");
        if (r.Present is not { } present || present < 1 || present > r.Eligible) e.Fail(nameof(r.Present), "实到人数应在 1 至应到人数之间。");
        // 有选举权的到会人数超过应到会人数的五分之四，会议有效 (党的基层组织选举工作条例).
        else if (kind.IsParty() && present * 5 <= r.Eligible * 4) e.Fail(nameof(r.Present), "有选举权的到会人数须超过应到会人数的五分之四，选举方为有效。");
        var seats = r.Seats.Where(s => !s.IsBlank).ToList();
        if (seats.Count == 0) e.Fail(nameof(r.Seats), "请填写当选的委员及其职务。");
        var names = e.Any && r.Kind is null ? [] : await SeatCheck.CheckAsync(members, unit, kind, seats, r.Present, e, nameof(r.Seats), ct);
        var current = r.Kind is null ? null : await db.Committees.FirstOrDefaultAsync(c => c.UnitId == unit.Id && c.Kind == kind && c.Current, ct);
        if (current is not null && r.HeldOn is { } held && held <= current.TermStart)
            e.Fail(nameof(r.HeldOn), $"选举日期须晚于本届班子的任期起始日（{current.TermStart:yyyy-MM-dd}）。");
        if (e.Any) return Failure.Invalid(e);

        var years = (await CommitteeTerms.RulesAsync(db, ct)).First(t => t.Kind == kind).Years;
        var on = r.HeldOn!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var committee = new Committee
        {
            UnitId = unit.Id, OrgPath = unit.Path, Kind = kind, TermStart = on, TermYears = years, TermEndsOn = on.AddYears(years), Current = true, CreatedAt = now,
        };
        var election = new Election
        {
            UnitId = unit.Id, OrgPath = unit.Path, Kind = kind, HeldOn = on, Meeting = r.Meeting.Trim(), Eligible = r.Eligible!.Value, Present = r.Present!.Value,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), CommitteeId = committee.Id, ReplacedCommitteeId = current?.Id,
            RecordedAt = now, RecordedBy = db.Scope.UserName,
        };
        committee.ElectionId = election.Id;
        var order = CommitteeRules.PostsOf(kind);
        db.PartyCommitteeSeats.AddRange(seats.Select((s, i) => new CommitteeSeat
        {
            CommitteeId = committee.Id, OrgPath = unit.Path, Post = s.Post, MemberId = s.MemberId, Name = names[i]!, Votes = s.Votes,
            Seq = order.IndexOf(s.Post) * 100 + i, FromOn = on,
        }));
        if (current is not null)
        {
            current.Current = false;
            current.EndedOn = on;
            foreach (var seat in await db.PartyCommitteeSeats.Where(s => s.CommitteeId == current.Id && s.LeftOn == null).ToListAsync(ct))
            {
                seat.LeftOn = on;
                seat.LeftReason = "换届";
            }
        }
        db.Committees.Add(committee);
        db.Elections.Add(election);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new ElectionSaved(election.Id, committee.Id, committee.TermEndsOn);
    }

    static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return list.Count;
    }
}
