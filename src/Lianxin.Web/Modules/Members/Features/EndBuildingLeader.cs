using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Ends a 楼栋长 on a day with a reason (kept as history); the building has none until another is assigned.</summary>
public static class EndBuildingLeader
{
    public static async Task<Outcome<BuildingLeaderDto>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid id, EndForm f, CancellationToken ct)
    {
        var row = await db.BuildingLeaders.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (row is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, row.OrgPath)) return Failure.Forbidden;
        if (f.Problems(clock) is { } e) return Failure.Invalid(e);
        if (f.EndedOn < row.StartedOn) return Failure.Invalid(nameof(f.EndedOn), "日期不能早于任职日期。");
        if (row.Version != f.Version) return Failure.Stale;
        if (row.EndedOn is not null) return Failure.Conflict("该楼栋长已卸任。");
        (row.EndedOn, row.EndReason) = (f.EndedOn, f.Reason!.Trim());
        await places.SetBuildingLeaderAsync(row.BuildingId, null, null, ct);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new BuildingLeaderDto(row.Id, row.BuildingId, row.MemberId, row.MemberName, row.StartedOn, row.EndedOn, row.EndReason, row.Version);
    }
}
