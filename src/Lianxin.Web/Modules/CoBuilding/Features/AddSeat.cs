using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class AddSeatRequest
{
    public Guid PartnerUnitId { get; set; }
    public string PersonName { get; set; } = "";
    public string Post { get; set; } = "兼职委员";
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
}

public record SeatSaved(Guid Id);

/// <summary>A partner unit takes a seat on the street's 大工委 or a community's 大党委; it holds at most one open seat on each.</summary>
public static class AddSeat
{
    public static async Task<Outcome<SeatSaved>> HandleAsync(LianxinDb db, OrgDirectory org, Guid committeeUnitId, AddSeatRequest r, CancellationToken ct)
    {
        var committee = await CreatePartnerUnit.StationAsync(org, committeeUnitId, ct);
        if (committee is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, committee.Path)) return Failure.Forbidden;
        var e = new Errors();
        // Only units stationed in the committee's street or community sit on it.
        var partner = await db.PartnerUnits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == r.PartnerUnitId && p.OrgPath.StartsWith(committee.Path), ct);
        if (partner is null) e.Fail(nameof(r.PartnerUnitId), "请选择驻在本辖区的共建单位。");
        e.Required(nameof(r.PersonName), r.PersonName, "请填写委员姓名。");
        e.Max(nameof(r.PersonName), r.PersonName, 60, "委员姓名");
        e.Required(nameof(r.Post), r.Post, "请填写职务。");
        e.Max(nameof(r.Post), r.Post, 60, "职务");
        if (r.TermFrom is null) e.Fail(nameof(r.TermFrom), "请填写任期开始日期。");
        else if (r.TermTo is { } to && to < r.TermFrom) e.Fail(nameof(r.TermTo), "任期结束日期不能早于开始日期。");
        if (e.Any) return Failure.Invalid(e);
        if (r.TermTo is null && await db.CommitteeSeats.AnyAsync(s => s.CommitteeUnitId == committee.Id && s.PartnerUnitId == partner!.Id && s.TermTo == null, ct))
            return Failure.Conflict($"“{partner!.Name}”在{PartnerRules.CommitteeName(committee.Kind == OrgKind.Street)}已有在任的席位，请先结束原席位。");

        var seat = new CommitteeSeat
        {
            CommitteeUnitId = committee.Id, OrgPath = committee.Path, PartnerUnitId = partner!.Id, PersonName = r.PersonName.Trim(), Post = r.Post.Trim(),
            TermFrom = r.TermFrom!.Value, TermTo = r.TermTo,
        };
        db.CommitteeSeats.Add(seat);
        await db.SaveChangesAsync(ct);
        return new SeatSaved(seat.Id);
    }
}
