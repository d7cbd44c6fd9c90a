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

public class FillInput : SeatInput
{
    public DateOnly? On { get; set; }
}

/// <summary>A post filled mid-term (补选 or 上级党组织任命) on the current committee; the term does not restart.</summary>
public static class FillSeat
{
    public static async Task<Outcome<Guid>> HandleAsync(LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, Guid committeeId, FillInput r, CancellationToken ct)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        var unit = committee is null ? null : await org.FindAsync(committee.UnitId, ct);
        if (committee is null || unit is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.Approve, committee.OrgPath)) return Failure.Forbidden;
        if (!committee.Current) return Failure.Conflict("该届班子已换届，请在本届班子中补选。");
        var e = new Errors();
        if (r.On is null) e.Fail(nameof(r.On), "请填写任职日期。");
        else if (r.On > clock.Today()) e.Fail(nameof(r.On), "任职日期不能晚于今天。");
        else if (r.On < committee.TermStart) e.Fail(nameof(r.On), $"任职日期不能早于本届任期起始日（{committee.TermStart:yyyy-MM-dd}）。");
        var names = await SeatCheck.CheckAsync(members, unit, committee.Kind, [r], null, e, "Seat", ct);
        if (e.Any) return Failure.Invalid(e);
        var sitting = await db.PartyCommitteeSeats.Where(s => s.CommitteeId == committee.Id && s.LeftOn == null).ToListAsync(ct);
        if (r.Post is CommitteeRules.Secretary or CommitteeRules.Director && sitting.Any(s => s.Post == r.Post))
            return Failure.Conflict($"本届班子已有{CommitteeRules.PostNames[r.Post]}，请先登记其离任。");
        if (r.MemberId is { } mid && sitting.Any(s => s.MemberId == mid)) return Failure.Conflict("此人已在本届班子中任职。");
        var seat = new CommitteeSeat
        {
            CommitteeId = committee.Id, OrgPath = committee.OrgPath, Post = r.Post, MemberId = r.MemberId, Name = names[0]!, Votes = r.Votes,
            Seq = CommitteeRules.PostsOf(committee.Kind).ToList().IndexOf(r.Post) * 100 + sitting.Count, FromOn = r.On!.Value,
        };
        db.PartyCommitteeSeats.Add(seat);
        await db.SaveChangesAsync(ct);
        return seat.Id;
    }
}
