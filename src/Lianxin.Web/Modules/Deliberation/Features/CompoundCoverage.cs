using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

/// <summary>One compound's self-governance on a date: its committee in term (red or not, by its street's rule) and how it is kept.</summary>
public record CompoundGovernance(CompoundRef Compound, Guid StreetId, Guid? CommitteeId, int CommitteeMembers, int PartyMembers, bool LedByBranch, bool IsRed,
    PropertyKind? Property);

/// <summary>A subtree's compounds, those with a committee in term, the red ones among those, and those with a property service.</summary>
public record CoverageCounts(int Compounds, int WithCommittee, int Red, int WithProperty);

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
        var committees = await CommitteesInTermAsync(db, on, ct);
        var property = await PropertyKindsAsync(db, ct);
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

    /// <summary>
    /// The counts of <see cref="ReadAsync"/> for each of <paramref name="paths"/>, without reading the compounds one by one
    /// (ADR 0046): how many compounds lie under a path is Organizations' maintained count (ADR 0026); only the compounds with a
    /// committee in term or an arrangement need their place, and only when there are any.
    /// </summary>
    public static async Task<Dictionary<string, CoverageCounts>> CountsAsync(LianxinDb db, PlaceDirectory places,
        IReadOnlyCollection<string> paths, DateOnly on, CancellationToken ct)
    {
        var compounds = await places.CountCompoundsUnderEachAsync(paths, ct);
        if (compounds.Values.All(n => n == 0)) return paths.Distinct().ToDictionary(p => p, _ => new CoverageCounts(0, 0, 0, 0));
        var committees = await CommitteesInTermAsync(db, on, ct);
        var served = (await PropertyKindsAsync(db, ct)).Where(p => p.Value != PropertyKind.None).Select(p => p.Key).ToList();
        var pathOf = committees.Count + served.Count == 0 ? new Dictionary<Guid, string>() : await places.CompoundPathsInDistrictAsync(ct);
        // A compound's street is the second unit on its path ("/district/street/community/…/"); the committee's path may be older.
        var governed = committees.Values.Where(k => pathOf.ContainsKey(k.CompoundId))
            .Select(k => (Path: pathOf[k.CompoundId], Committee: k)).ToList();
        var rules = governed.Count == 0 ? new Dictionary<Guid, RedCommitteeRule>() : await RedRules.ForStreetsAsync(db, governed.Select(g => StreetOf(g.Path)), ct);
        var withCommittee = SubtreeSums.PerRoot(paths, governed, g => g.Path, g => (All: g.Count(), Red: g.Count(x =>
        {
            var rule = rules.GetValueOrDefault(StreetOf(x.Path)) ?? SelfGovernanceRules.Default;
            return SelfGovernanceRules.IsRed(x.Committee.Members, x.Committee.Party, x.Committee.LedByBranch, rule.MinPartyPercent, rule.RequireBranchLead);
        })));
        var withProperty = SubtreeSums.PerRoot(paths, served.Where(pathOf.ContainsKey).Select(id => pathOf[id]).ToList(), p => p, p => p.Count());
        return paths.Distinct().ToDictionary(p => p, p => new CoverageCounts(compounds.GetValueOrDefault(p), withCommittee[p].All, withCommittee[p].Red,
            withProperty[p]));
    }

    static Guid StreetOf(string path) => OrgDirectory.IdsOf(path) is { Count: > 1 } ids ? ids[1] : Guid.Empty;

    sealed record Committee(Guid Id, Guid CompoundId, DateOnly TermFrom, bool LedByBranch, int Members, int Party);

    /// <summary>
    /// The district's committees in term, the latest per compound. Read for the whole district and kept per compound here: a list
    /// of compound ids in the SQL would be one parameter per id, and binding a district's thousands costs seconds (SQLite, ADR 0042).
    /// </summary>
    static async Task<Dictionary<Guid, Committee>> CommitteesInTermAsync(LianxinDb db, DateOnly on, CancellationToken ct) =>
        (await db.OwnersCommittees.AcrossScope().AsNoTracking().Where(c => c.TermFrom <= on && c.TermTo >= on)
            .Select(c => new Committee(c.Id, c.CompoundId, c.TermFrom, c.LedByBranch,
                db.Set<OwnersCommitteeMember>().Count(x => x.CommitteeId == c.Id),
                db.Set<OwnersCommitteeMember>().Count(x => x.CommitteeId == c.Id && x.IsPartyMember)))
            .ToListAsync(ct))
        .GroupBy(c => c.CompoundId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.TermFrom).First());

    /// <summary>How each compound of the district is kept (one arrangement per compound at most).</summary>
    static async Task<Dictionary<Guid, PropertyKind>> PropertyKindsAsync(LianxinDb db, CancellationToken ct) =>
        await db.PropertyArrangements.AcrossScope().AsNoTracking().Select(p => new { p.CompoundId, p.Kind })
            .ToDictionaryAsync(p => p.CompoundId, p => p.Kind, ct);
}
