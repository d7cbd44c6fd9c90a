using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record BuildingLeaderDto(Guid Id, Guid BuildingId, Guid MemberId, string MemberName, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, int Version);

/// <summary>A building with its 楼栋长, current and past; <see cref="UnlinkedLeaderName"/> is a free-text name from before 0031 that matched no member.</summary>
public record BuildingLeadersView(Guid BuildingId, string BuildingName, Guid CompoundId, string CompoundName, Guid CommunityId, string? UnlinkedLeaderName,
    BuildingLeaderDto? Current, IReadOnlyList<BuildingLeaderDto> Past);

/// <summary>The 楼栋长 of a building, now and before; a building the caller does not see is not found.</summary>
public static class BuildingLeaderHistory
{
    public static async Task<Outcome<BuildingLeadersView>> HandleAsync(LianxinDb db, PlaceDirectory places, Guid buildingId, CancellationToken ct)
    {
        var building = (await places.BuildingsAsync([buildingId], ct)).FirstOrDefault();
        if (building is null || !db.Scope.Sees(building.OrgPath)) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, building.OrgPath)) return Failure.Forbidden;
        var compound = (await places.CompoundsAsync([building.CompoundId], ct))[0];
        var rows = await db.BuildingLeaders.AcrossScope().AsNoTracking().Where(l => l.BuildingId == buildingId).OrderByDescending(l => l.StartedOn)
            .Select(l => new BuildingLeaderDto(l.Id, l.BuildingId, l.MemberId, l.MemberName, l.StartedOn, l.EndedOn, l.EndReason, l.Version)).ToListAsync(ct);
        return new BuildingLeadersView(building.Id, building.Name, compound.Id, compound.Name, compound.CommunityId, building.UnlinkedLeaderName,
            rows.FirstOrDefault(r => r.EndedOn is null), rows.Where(r => r.EndedOn is not null).ToList());
    }
}
