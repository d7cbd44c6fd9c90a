using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

public class VacateInput
{
    public DateOnly? On { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A member leaves the committee mid-term (调离、辞职、免职…): the seat keeps its holder with the day and reason; the post is vacant.</summary>
public static class VacateSeat
{
    public static async Task<Outcome<Guid>> HandleAsync(LianxinDb db, TimeProvider clock, Guid seatId, VacateInput r, CancellationToken ct)
    {
        var seat = await db.PartyCommitteeSeats.FirstOrDefaultAsync(s => s.Id == seatId, ct);
        var committee = seat is null ? null : await db.Committees.FirstOrDefaultAsync(c => c.Id == seat.CommitteeId, ct);
        if (seat is null || committee is null) return Failure.NotFound;
        if (!db.Scope.Can(PartyWorkPermissions.Approve, committee.OrgPath)) return Failure.Forbidden;
        if (!committee.Current || seat.LeftOn is not null) return Failure.Conflict("该委员已不在本届班子中。");
        var e = new Errors();
        if (r.On is null) e.Fail(nameof(r.On), "请填写离任日期。");
        else if (r.On > clock.Today()) e.Fail(nameof(r.On), "离任日期不能晚于今天。");
        else if (r.On < seat.FromOn) e.Fail(nameof(r.On), $"离任日期不能早于任职日期（{seat.FromOn:yyyy-MM-dd}）。");
        e.Required(nameof(r.Reason), r.Reason, "请填写离任原因。");
        e.Max(nameof(r.Reason), r.Reason, 200, "离任原因");
        if (e.Any) return Failure.Invalid(e);
        seat.LeftOn = r.On;
        seat.LeftReason = r.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        return seat.Id;
    }
}
