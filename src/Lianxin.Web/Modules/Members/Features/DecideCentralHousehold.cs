using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>认定 or 驳回: the community's (社区党组织审核确定), not the grid branch's.</summary>
public static class DecideCentralHousehold
{
    public static async Task<Outcome<CentralHouseholdDto>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, Guid id, DecisionForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return Failure.NotFound;
        var community = await units.FindInDistrictAsync(ch.CommunityId, ct) ?? throw new InvalidOperationException($"Community {ch.CommunityId} of a central household is missing.");
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        if (ch.Version != f.Version) return Failure.Stale;
        if (ch.Status != CentralHouseholdStatus.Nominated) return Failure.Conflict("该提名已处理。");
        if (f.Approve)
        {
            var recommended = await db.CentralHouseholdRecommendations.AcrossScope().CountAsync(r => r.CentralHouseholdId == ch.Id, ct);
            if (CentralHousehold.ApprovalProblem(ch.SelfNominated, recommended, ch.LegacyRecommenders) is { } p) return Failure.Conflict(p);
        }
        ch.Status = f.Approve ? CentralHouseholdStatus.Approved : CentralHouseholdStatus.Rejected;
        if (f.Approve) ch.ApprovedOn = clock.Today();
        await db.SaveChangesAsync(ct);
        return await ListCentralHouseholds.OneAsync(db, places, ch.Id, ct);
    }
}
