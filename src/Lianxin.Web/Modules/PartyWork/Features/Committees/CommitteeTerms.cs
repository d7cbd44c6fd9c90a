using Lianxin.Web.Modules.PartyWork.Data;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.PartyWork.Features.Committees;

/// <summary>The district's term lengths: the stored ones, or the defaults staged for the caller's save the first time.</summary>
public static class CommitteeTerms
{
    public static async Task<IReadOnlyList<TermRule>> RulesAsync(LianxinDb db, CancellationToken ct)
    {
        var rules = await db.TermRules.OrderBy(r => r.Kind).ToListAsync(ct);
        if (rules.Count > 0) return rules;
        rules = CommitteeRules.DefaultTerms.Select(d => new TermRule { Kind = d.Kind, Years = d.Years, Basis = d.Basis }).ToList();
        db.TermRules.AddRange(rules);
        return rules;
    }

    /// <summary>Whether a party committee's secretary post is empty (nobody sitting in it today).</summary>
    public static bool VacantSecretary(CommitteeKind kind, IEnumerable<CommitteeSeat> sitting) =>
        kind.IsParty() && !sitting.Any(s => s.Post == CommitteeRules.Secretary && s.LeftOn == null);
}
