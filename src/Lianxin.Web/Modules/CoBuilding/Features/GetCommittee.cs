using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record SeatRow(Guid Id, Guid PartnerUnitId, string PartnerUnit, string KindName, string PersonName, string Post, DateOnly TermFrom, DateOnly? TermTo);

public record PartnerChoice(Guid Id, string Name);

/// <summary>A street's 大工委 or a community's 大党委: its current seats and how many partner units are stationed there.</summary>
public record CommitteeDto(Guid UnitId, string UnitName, string CommitteeName, int StationedUnits, IReadOnlyList<SeatRow> Seats, bool CanManage,
    IReadOnlyList<PartnerChoice> Partners);

public static class GetCommittee
{
    public static async Task<Outcome<CommitteeDto>> HandleAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var unit = await CreatePartnerUnit.StationAsync(org, unitId, ct);
        if (unit is null) return Failure.NotFound;
        var today = clock.Today();
        var stationed = db.PartnerUnits.AsNoTracking().Where(p => p.OrgPath.StartsWith(unit.Path));
        var count = await stationed.CountAsync(ct);
        var seats = await db.CommitteeSeats.AsNoTracking().Where(s => s.CommitteeUnitId == unit.Id && (s.TermTo == null || s.TermTo >= today))
            .Join(db.PartnerUnits.AsNoTracking(), s => s.PartnerUnitId, p => p.Id, (s, p) => new { s, p.Name, p.Kind })
            .OrderBy(x => x.s.TermFrom).ThenBy(x => x.Name).ToListAsync(ct);
        var manage = db.Scope.Can(CoBuildingPermissions.Manage, unit.Path);
        var partners = manage ? await stationed.OrderBy(p => p.Name).Select(p => new PartnerChoice(p.Id, p.Name)).ToListAsync(ct) : [];
        return new CommitteeDto(unit.Id, unit.DisplayName, unit.DisplayName.Replace("党工委", "").Replace("党委", "") + PartnerRules.CommitteeName(unit.Kind == OrgKind.Street),
            count, seats.Select(x => new SeatRow(x.s.Id, x.s.PartnerUnitId, x.Name, x.Kind.Chinese(), x.s.PersonName, x.s.Post, x.s.TermFrom, x.s.TermTo)).ToList(),
            manage, partners);
    }
}
