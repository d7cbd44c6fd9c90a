using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class EndSeatRequest
{
    public DateOnly? TermTo { get; set; }
}

/// <summary>A seat's term ends (换届、调离): its end date, never before it began.</summary>
public static class EndSeat
{
    public static async Task<Outcome<SeatSaved>> HandleAsync(LianxinDb db, Guid seatId, EndSeatRequest r, CancellationToken ct)
    {
        var seat = await db.CommitteeSeats.FirstOrDefaultAsync(s => s.Id == seatId, ct);
        if (seat is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, seat.OrgPath)) return Failure.Forbidden;
        if (seat.TermTo is not null) return Failure.Conflict("该席位的任期已结束。");
        if (r.TermTo is null) return Failure.Invalid(nameof(r.TermTo), "请填写任期结束日期。");
        if (r.TermTo < seat.TermFrom) return Failure.Invalid(nameof(r.TermTo), "任期结束日期不能早于开始日期。");
        seat.TermTo = r.TermTo;
        await db.SaveChangesAsync(ct);
        return new SeatSaved(seat.Id);
    }
}
