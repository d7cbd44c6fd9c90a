using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record PublicNominee(Guid Id, string Name, bool Approved);
public record PublicHome(Guid Id, string Label);
public record PublicRecommendationView(Guid CompoundId, string CompoundName, IReadOnlyList<PublicNominee> Nominees, IReadOnlyList<PublicHome> Homes);

/// <summary>
/// What the compound's public recommendation page shows anyone: the compound, the nominees of its grid with masked names and
/// the compound's households by building, unit and room (no names).
/// </summary>
public static class PublicRecommendationPage
{
    public static async Task<Outcome<PublicRecommendationView>> HandleAsync(LianxinDb db, PlaceDirectory places, Guid compoundId, CancellationToken ct)
    {
        var compound = (await places.CompoundsAsync([compoundId], ct)).FirstOrDefault();
        if (compound is null) return Failure.NotFound;
        var nominees = compound.GridId is not { } gridId ? [] : await db.CentralHouseholds.AcrossScope().AsNoTracking()
            .Where(c => c.GridId == gridId && (c.Status == CentralHouseholdStatus.Nominated || c.Status == CentralHouseholdStatus.Approved))
            .OrderBy(c => c.Status).ThenBy(c => c.NominatedOn).Select(c => new { c.Id, c.MemberName, c.Status }).ToListAsync(ct);
        var buildings = (await places.BuildingsOfCompoundsAsync([compound.Id], ct)).ToDictionary(b => b.Id, b => b.Name);
        var homes = (await places.HouseholdsOfBuildingsAsync(buildings.Keys, ct))
            .Select(h => (h.Id, Building: buildings[h.BuildingId], h.Unit, h.Room))
            .OrderBy(h => h.Building.Length).ThenBy(h => h.Building).ThenBy(h => h.Unit).ThenBy(h => h.Room.Length).ThenBy(h => h.Room)
            .Select(h => new PublicHome(h.Id, $"{h.Building} {h.Unit} {h.Room}".Replace("  ", " ").Trim())).ToList();
        return new PublicRecommendationView(compound.Id, compound.Name,
            nominees.Select(n => new PublicNominee(n.Id, Mask.Other(n.MemberName), n.Status == CentralHouseholdStatus.Approved)).ToList(), homes);
    }
}
