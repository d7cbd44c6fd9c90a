using Lianxin.Web.Modules.Campaigns.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Campaigns.Features;

public record SetupBuilding(Guid Id, string Name);

public record SetupCompound(Guid Id, string Name, Guid CommunityId, string Community, IReadOnlyList<SetupBuilding> Buildings);

/// <summary>The streets the caller may set campaigns for, and the compounds (with their buildings) of the chosen one, by community.</summary>
public record SetupOptions(IReadOnlyList<OrgUnitRef> Streets, Guid? StreetId, IReadOnlyList<SetupCompound> Compounds);

public static class CampaignSetup
{
    public static async Task<Outcome<SetupOptions>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, Guid? streetId, CancellationToken ct)
    {
        var streets = (await org.InScopeAsync(ct, true, OrgKind.Street)).Where(s => db.Scope.Can(CampaignPermissions.Manage, s.Path)).ToList();
        if (streets.Count == 0) return Failure.Forbidden;
        var street = streets.FirstOrDefault(s => s.Id == streetId) ?? streets[0];
        // The street's compounds only, read under its path (a district has 6,000; a street a twentieth of them).
        var compounds = await places.CompoundsInScopeAsync(street.Path, int.MaxValue, ct);
        var buildings = (await places.BuildingsOfCompoundsAsync(compounds.Select(c => c.Id), ct)).ToLookup(b => b.CompoundId);
        var communities = await org.NamesAsync(compounds.Select(c => c.CommunityId).Distinct().ToList(), ct);
        return new SetupOptions(streets, street.Id, compounds
            .Select(c => new SetupCompound(c.Id, c.Name, c.CommunityId, communities.GetValueOrDefault(c.CommunityId, "—"),
                buildings[c.Id].OrderBy(b => b.Name.Length).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b => new SetupBuilding(b.Id, b.Name)).ToList()))
            .OrderBy(c => c.Community, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
    }
}
