using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Deliberation.Features;

public record RedCommitteeRow(Guid CompoundId, string CompoundName, string CommunityName, int Members, int PartyMembers, int PartyPercent, bool LedByBranch, bool IsRed);

public record RedRuleEffectDto(Guid StreetId, int Committees, int Red, IReadOnlyList<RedCommitteeRow> Rows);

/// <summary>What a street's 红色业委会 rule does today: each committee in term under the street, and whether it counts as red by the rule as stored.</summary>
public static class RedRuleEffect
{
    public static async Task<Outcome<RedRuleEffectDto>> HandleAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid streetId, CancellationToken ct)
    {
        if (await org.FindAsync(streetId, ct) is not { Kind: OrgKind.Street } street) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.View, street.Path)) return Failure.Forbidden;
        var committees = (await CompoundCoverage.ReadAsync(db, org, places, [street.Path], clock.Today(), ct)).Where(c => c.CommitteeId is not null).ToList();
        var communities = await org.NamesAsync(committees.Select(c => c.Compound.CommunityId).Distinct().ToList(), ct);
        var rows = committees
            .Select(c => new RedCommitteeRow(c.Compound.Id, c.Compound.Name, communities.GetValueOrDefault(c.Compound.CommunityId, "—"), c.CommitteeMembers, c.PartyMembers,
                c.CommitteeMembers == 0 ? 0 : c.PartyMembers * 100 / c.CommitteeMembers, c.LedByBranch, c.IsRed))
            .OrderByDescending(r => r.IsRed).ThenBy(r => r.CommunityName).ThenBy(r => r.CompoundName).ToList();
        return new RedRuleEffectDto(street.Id, rows.Count, rows.Count(r => r.IsRed), rows);
    }
}
