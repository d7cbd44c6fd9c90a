using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class LeaveAllianceRequest
{
    public DateOnly? LeftOn { get; set; }
}

/// <summary>A member leaves an alliance on a day (no earlier than it joined); the lead cannot leave before another unit leads.</summary>
public static class LeaveAlliance
{
    public static async Task<Outcome<AllianceMemberSaved>> HandleAsync(LianxinDb db, Guid memberId, LeaveAllianceRequest r, CancellationToken ct)
    {
        var member = await db.AllianceMembers.FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, member.OrgPath)) return Failure.Forbidden;
        if (member.LeftOn is not null) return Failure.Conflict("该单位已退出联盟。");
        if (r.LeftOn is null) return Failure.Invalid(nameof(r.LeftOn), "请填写退出日期。");
        if (r.LeftOn < member.JoinedOn) return Failure.Invalid(nameof(r.LeftOn), "退出日期不能早于加入日期。");
        var alliance = await db.Alliances.AsNoTracking().FirstAsync(a => a.Id == member.AllianceId, ct);
        if ((member.PartnerUnitId is { } p && alliance.LeadPartnerUnitId == p) || (member.OrgUnitId is { } o && alliance.LeadOrgUnitId == o))
            return Failure.Conflict("牵头单位不能退出联盟，请先更换牵头单位。");
        member.LeftOn = r.LeftOn;
        await db.SaveChangesAsync(ct);
        return new AllianceMemberSaved(member.Id);
    }
}
