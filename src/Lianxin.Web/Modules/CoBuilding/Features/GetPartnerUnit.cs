using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record HeldSeat(Guid CommitteeUnitId, string Committee, string PersonName, string Post, DateOnly TermFrom, DateOnly? TermTo);

public record PartnerUnitDetail(Guid Id, Guid StationedUnitId, string StationedIn, string Name, PartnerKind Kind, string KindName, string Address,
    string? PartyOrgName, string? PartySecretary, int PartyMemberCount, string ContactName, string ContactPhone, string? Instructor,
    string? LiaisonUserName, int Version, bool CanEdit, bool CanManage, IReadOnlyList<HeldSeat> Seats);

public static class GetPartnerUnit
{
    public static async Task<Outcome<PartnerUnitDetail>> HandleAsync(LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var u = await db.PartnerUnits.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return Failure.NotFound;
        var liaison = u.LiaisonUserId is { } l ? await db.Users.AsNoTracking().Where(x => x.Id == l).Select(x => x.UserName).FirstOrDefaultAsync(ct) : null;
        // Seats on committees above the caller (a street's 大工委 seen from a community) are still this unit's: shown with it.
        var seats = await db.CommitteeSeats.AcrossScope().AsNoTracking().Where(s => s.PartnerUnitId == id).OrderByDescending(s => s.TermFrom).ToListAsync(ct);
        var units = (await org.ManyAsync(seats.Select(s => s.CommitteeUnitId).Append(u.StationedUnitId), ct)).ToDictionary(x => x.Id);
        string Committee(Guid unitId) => units.TryGetValue(unitId, out var c)
            ? c.DisplayName.Replace("党工委", "").Replace("党委", "") + PartnerRules.CommitteeName(c.Kind == OrgKind.Street) : "—";
        var manage = db.Scope.Can(CoBuildingPermissions.Manage, u.OrgPath);
        return new PartnerUnitDetail(u.Id, u.StationedUnitId, units.TryGetValue(u.StationedUnitId, out var st) ? st.DisplayName : "—", u.Name, u.Kind, u.Kind.Chinese(),
            u.Address, u.PartyOrgName, u.PartySecretary, u.PartyMemberCount, u.ContactName, u.ContactPhone, u.Instructor, liaison, u.Version,
            manage || EditPartnerUnit.IsLiaisonOf(db, u.LiaisonUserId), manage,
            seats.Select(s => new HeldSeat(s.CommitteeUnitId, Committee(s.CommitteeUnitId), s.PersonName, s.Post, s.TermFrom, s.TermTo)).ToList());
    }
}
