using Lianxin.Web.Modules.Deliberation.Contracts;
using Lianxin.Web.Modules.Deliberation.Data;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Deliberation.Features;

public class RedRuleRequest
{
    /// <summary>Required: an empty field on the form must not fall back to a default.</summary>
    public int? MinPartyPercent { get; set; }
    public bool RequireBranchLead { get; set; } = true;
}

public record RedRuleDto(Guid StreetId, string StreetName, int MinPartyPercent, bool RequireBranchLead, bool IsDefault, bool CanEdit);

/// <summary>A street's definition of a 红色业委会 (share of party members, branch leading); streets without one use the default.</summary>
public static class RedRules
{
    public static async Task<IReadOnlyDictionary<Guid, RedCommitteeRule>> ForStreetsAsync(LianxinDb db, IEnumerable<Guid> streetIds, CancellationToken ct)
    {
        var ids = streetIds.Distinct().ToList();
        // A street's rule is read by the compounds below it, whose viewers need not see the street.
        return await db.RedCommitteeRules.AcrossScope().AsNoTracking().Where(r => ids.Contains(r.StreetId)).ToDictionaryAsync(r => r.StreetId, ct);
    }

    public static async Task<Outcome<RedRuleDto>> GetAsync(LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct)
    {
        if (await org.FindAsync(streetId, ct) is not { Kind: OrgKind.Street } street) return Failure.NotFound;
        var rule = (await ForStreetsAsync(db, [streetId], ct)).GetValueOrDefault(streetId);
        var r = rule ?? SelfGovernanceRules.Default;
        return new RedRuleDto(street.Id, street.DisplayName, r.MinPartyPercent, r.RequireBranchLead, rule is null, db.Scope.Can(DeliberationPermissions.Rules, street.Path));
    }

    public static async Task<Outcome<RedRuleDto>> SetAsync(LianxinDb db, OrgDirectory org, Guid streetId, RedRuleRequest r, CancellationToken ct)
    {
        if (await org.FindAsync(streetId, ct) is not { Kind: OrgKind.Street } street) return Failure.NotFound;
        if (!db.Scope.Can(DeliberationPermissions.Rules, street.Path)) return Failure.Forbidden;
        if (r.MinPartyPercent is null) return Failure.Invalid(nameof(r.MinPartyPercent), "请填写党员占比（0–100 的整数）。");
        if (r.MinPartyPercent is < 0 or > 100) return Failure.Invalid(nameof(r.MinPartyPercent), "党员占比须在 0–100 之间。");
        var rule = await db.RedCommitteeRules.FirstOrDefaultAsync(x => x.StreetId == streetId, ct);
        if (rule is null) db.RedCommitteeRules.Add(rule = new RedCommitteeRule { StreetId = street.Id, OrgPath = street.Path });
        (rule.MinPartyPercent, rule.RequireBranchLead) = (r.MinPartyPercent.Value, r.RequireBranchLead);
        await db.SaveChangesAsync(ct);
        return new RedRuleDto(street.Id, street.DisplayName, rule.MinPartyPercent, rule.RequireBranchLead, false, true);
    }
}
