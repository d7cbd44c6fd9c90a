using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class JoinAllianceRequest
{
    public Guid? PartnerUnitId { get; set; }
    public Guid? OrgUnitId { get; set; }
    public DateOnly? JoinedOn { get; set; }
}

public record AllianceMemberSaved(Guid Id);

/// <summary>A unit joins an alliance, once at a time: it may join again after it left.</summary>
public static class JoinAlliance
{
    public static async Task<Outcome<AllianceMemberSaved>> HandleAsync(LianxinDb db, OrgDirectory org, Guid allianceId, JoinAllianceRequest r, CancellationToken ct)
    {
        var alliance = await db.Alliances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == allianceId, ct);
        if (alliance is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, alliance.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        var unit = await CreateAlliance.MemberAsync(db, org, alliance.OrgPath, r.PartnerUnitId, r.OrgUnitId, e, nameof(r.PartnerUnitId), ct);
        if (r.JoinedOn is null) e.Fail(nameof(r.JoinedOn), "请填写加入日期。");
        else if (r.JoinedOn < alliance.FoundedOn) e.Fail(nameof(r.JoinedOn), "加入日期不能早于联盟成立日期。");
        if (e.Any) return Failure.Invalid(e);
        var (partner, orgUnit) = unit!.Value;
        if (await db.AllianceMembers.AnyAsync(m => m.AllianceId == allianceId && m.LeftOn == null && m.PartnerUnitId == partner && m.OrgUnitId == orgUnit, ct))
            return Failure.Conflict("该单位已是联盟成员，不能重复加入。");
        if (await db.AllianceMembers.AnyAsync(m => m.AllianceId == allianceId && m.PartnerUnitId == partner && m.OrgUnitId == orgUnit && m.LeftOn > r.JoinedOn, ct))
            return Failure.Invalid(nameof(r.JoinedOn), "加入日期不能早于该单位上次退出的日期。");

        var member = new AllianceMember { AllianceId = allianceId, OrgPath = alliance.OrgPath, PartnerUnitId = partner, OrgUnitId = orgUnit, JoinedOn = r.JoinedOn!.Value };
        db.AllianceMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return new AllianceMemberSaved(member.Id);
    }
}
