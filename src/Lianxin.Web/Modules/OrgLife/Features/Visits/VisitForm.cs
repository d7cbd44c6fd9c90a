using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Features.Visits;

/// <summary>A household to pick, grouped by compound and building ("和园小区 3号楼"), labelled by unit and room.</summary>
public record HouseholdOption(Guid Id, string Group, string Label, Guid CommunityId);

public record VisitFormOptions(IReadOnlyList<HouseholdOption> Households, IReadOnlyDictionary<Guid, IReadOnlyList<DemandCategoryOption>> Categories);

/// <summary>What the visit form offers: the households of the caller's grids and communities, and the demand categories of their communities.</summary>
public static class VisitForm
{
    public static async Task<Outcome<VisitFormOptions>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifeWorkPermissions.Visit)) return Failure.Forbidden;
        var buildings = (await places.BuildingsInScopeAsync(ct)).Where(b => db.Scope.Can(OrgLifeWorkPermissions.Visit, b.OrgPath)).ToList();
        var compounds = (await places.CompoundsAsync(buildings.Select(b => b.CompoundId), ct)).ToDictionary(c => c.Id);
        var byId = buildings.ToDictionary(b => b.Id);
        var households = (await places.HouseholdsOfBuildingsAsync(byId.Keys, ct))
            .Where(h => db.Scope.Can(OrgLifeWorkPermissions.Visit, h.OrgPath))
            .Select(h => new HouseholdOption(h.Id, $"{compounds[h.CompoundId].Name} {byId[h.BuildingId].Name}", $"{h.Unit} {h.Room}", compounds[h.CompoundId].CommunityId))
            .OrderBy(h => h.Group, StringComparer.Ordinal).ThenBy(h => h.Label.Length).ThenBy(h => h.Label, StringComparer.Ordinal).ToList();
        var categories = new Dictionary<Guid, IReadOnlyList<DemandCategoryOption>>();
        foreach (var community in households.Select(h => h.CommunityId).Distinct())
            categories[community] = await demands.CategoriesAsync(org, community, ct);
        return new VisitFormOptions(households, categories);
    }
}
