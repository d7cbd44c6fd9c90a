using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>One compound's self-governance on a date: its committee in term (red or not, by its street's rule) and how it is kept.</summary>
public record CompoundGovernance(CompoundRef Compound, Guid StreetId, Guid? CommitteeId, int CommitteeMembers, int PartyMembers, bool LedByBranch, bool IsRed,
    PropertyKind? Property);

/// <summary>
/// Self-governance of every compound under some paths on a date, for figures and lists. Reads across the caller's scope: callers
/// pass only paths they may see (figures are counts; no names of committee members leave here).
/// </summary>
public static class CompoundCoverage
{
    public static async Task<IReadOnlyList<CompoundGovernance>> ReadAsync(LianxinDb db, OrgDirectory org, PlaceDirectory places,
        IReadOnlyCollection<string> paths, DateOnly on, CancellationToken ct)
    {
        var compounds = (await places.CompoundsInDistrictAsync(ct)).Where(c => paths.Any(p => c.OrgPath.StartsWith(p, StringComparison.Ordinal))).ToList();
        if (compounds.Count == 0) return [];
        // The district's committees in term and arrangements, kept for these compounds here: a list of compound ids in the SQL
        // would be one parameter per id, and binding a district's thousands costs seconds (SQLite). One per compound at most.
        var wanted = compounds.Select(c => c.Id).ToHashSet();
        var inTerm = db.OwnersCommittees.AcrossScope().AsNoTracking().Where(c => c.TermFrom <= on && c.TermTo >= on);
        var arrangements = db.PropertyArrangements.AcrossScope().AsNoTracking();
        var committees = (await inTerm
                .Select(c => new
                {
                    c.Id, c.CompoundId, c.TermFrom, c.LedByBranch,
                    Members = db.Set<OwnersCommitteeMember>().Count(x => x.CommitteeId == c.Id),
                    Party = db.Set<OwnersCommitteeMember>().Count(x => x.CommitteeId == c.Id && x.IsPartyMember),
                }).ToListAsync(ct))
            .Where(c => wanted.Contains(c.CompoundId))
            .GroupBy(c => c.CompoundId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.TermFrom).First());
        var property = (await arrangements.Select(p => new { p.CompoundId, p.Kind }).ToListAsync(ct))
            .Where(p => wanted.Contains(p.CompoundId)).ToDictionary(p => p.CompoundId, p => p.Kind);
        var communities = (await org.ManyAsync(compounds.Select(c => c.CommunityId), ct)).ToDictionary(u => u.Id, u => u.ParentId ?? Guid.Empty);
        var rules = await RedRules.ForStreetsAsync(db, communities.Values, ct);
        return compounds.Select(c =>
        {
            var street = communities.GetValueOrDefault(c.CommunityId);
            var rule = rules.GetValueOrDefault(street) ?? SelfGovernanceRules.Default;
            var k = committees.GetValueOrDefault(c.Id);
            return new CompoundGovernance(c, street, k?.Id, k?.Members ?? 0, k?.Party ?? 0, k?.LedByBranch ?? false,
                k is not null && SelfGovernanceRules.IsRed(k.Members, k.Party, k.LedByBranch, rule.MinPartyPercent, rule.RequireBranchLead),
                property.TryGetValue(c.Id, out var kind) ? kind : null);
        }).ToList();
    }
}
