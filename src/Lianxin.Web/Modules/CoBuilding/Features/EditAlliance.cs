using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public class EditAllianceRequest : AllianceInput
{
    public int Version { get; set; }
}

/// <summary>Name, theme, founding day and lead change; the street or community an alliance belongs to does not. The lead must be a current member.</summary>
public static class EditAlliance
{
    public static async Task<Outcome<AllianceSaved>> HandleAsync(LianxinDb db, TimeProvider clock, Guid id, EditAllianceRequest r, CancellationToken ct)
    {
        var alliance = await db.Alliances.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alliance is null) return Failure.NotFound;
        if (!db.Scope.Can(CoBuildingPermissions.Manage, alliance.OrgPath)) return Failure.Forbidden;
        var e = CreateAlliance.Check(r);
        var members = await db.AllianceMembers.AsNoTracking().Where(m => m.AllianceId == id && m.LeftOn == null).ToListAsync(ct);
        if (r.LeadPartnerUnitId is null && r.LeadOrgUnitId is null) e.Fail(nameof(r.LeadPartnerUnitId), "请选择牵头单位。");
        else if (!members.Any(m => r.LeadPartnerUnitId is { } p ? m.PartnerUnitId == p : m.OrgUnitId == r.LeadOrgUnitId))
            e.Fail(nameof(r.LeadPartnerUnitId), "牵头单位须是联盟的现有成员单位。");
        if (r.FoundedOn is { } f && members.Count > 0 && f > members.Min(m => m.JoinedOn))
            e.Fail(nameof(r.FoundedOn), "成立日期不能晚于成员单位的加入日期。");
        if (e.Any) return Failure.Invalid(e);

        if (alliance.Version != r.Version) return Failure.Stale;
        db.Entry(alliance).Property(x => x.Version).OriginalValue = r.Version;
        CreateAlliance.Apply(alliance, r);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new AllianceSaved(alliance.Id, alliance.Version);
    }
}
