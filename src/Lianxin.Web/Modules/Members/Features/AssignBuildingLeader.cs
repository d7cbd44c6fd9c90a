using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class BuildingLeaderForm
{
    public Guid? MemberId { get; set; }
    public DateOnly? StartedOn { get; set; }
    /// <summary>The version of the current 楼栋长 being replaced (调整); ignored when the building has none.</summary>
    public int? ReplacesVersion { get; set; }
}

/// <summary>
/// 楼栋长: a member on the roster of the building's community (held there or living there) answers for the building from a day.
/// A current one is ended that day ("调整") and kept as history. Organizations' building records the member, so its coverage
/// figure counts linked members, in the same transaction.
/// </summary>
public static class AssignBuildingLeader
{
    public static async Task<Outcome<BuildingLeaderDto>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, Guid buildingId,
        BuildingLeaderForm f, CancellationToken ct)
    {
        var building = (await places.BuildingsAsync([buildingId], ct)).FirstOrDefault();
        if (building is null || !db.Scope.Sees(building.OrgPath)) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, building.OrgPath)) return Failure.Forbidden;
        var compound = (await places.CompoundsAsync([building.CompoundId], ct))[0];
        var community = await units.FindInDistrictAsync(compound.CommunityId, ct) ?? throw new InvalidOperationException($"Community {compound.CommunityId} is missing.");
        var today = clock.Today();
        var e = new Errors();
        var member = f.MemberId is { } mid ? await db.Members.AcrossScope().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
        if (member is null || !member.OnRoster || !(member.OrgPath.StartsWith(community.Path) || member.ResidenceCommunityId == community.Id))
            e.Fail(nameof(f.MemberId), "楼栋长须为本社区在册党员（组织关系或居住地在本社区）。");
        var on = f.StartedOn ?? today;
        if (on > today) e.Fail(nameof(f.StartedOn), "日期不能晚于今天。");
        if (e.Any) return Failure.Invalid(e);

        var current = await db.BuildingLeaders.AcrossScope().FirstOrDefaultAsync(l => l.BuildingId == buildingId && l.EndedOn == null, ct);
        if (current is not null)
        {
            if (current.Version != f.ReplacesVersion) return Failure.Stale;
            if (current.MemberId == member!.Id) return Failure.Conflict($"{member.Name} 已是该楼栋的楼栋长。");
            if (on < current.StartedOn) return Failure.Invalid(nameof(f.StartedOn), "日期不能早于现任楼栋长的任职日期。");
            (current.EndedOn, current.EndReason) = (on, $"调整为 {member.Name}");
        }
        var row = new BuildingLeader
        {
            BuildingId = building.Id, CompoundId = compound.Id, CommunityId = community.Id, OrgPath = building.OrgPath,
            MemberId = member!.Id, MemberName = member.Name, StartedOn = on,
        };
        db.BuildingLeaders.Add(row);
        await places.SetBuildingLeaderAsync(building.Id, member.Id, member.Name, ct);
        if (await db.SaveAsync(ct) is { } stale) return stale;
        return new BuildingLeaderDto(row.Id, row.BuildingId, row.MemberId, row.MemberName, row.StartedOn, null, null, row.Version);
    }
}
