using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Contracts;

/// <summary>A branch's org-life arrears over a span: meetings it owed by the district's rules and did not hold.</summary>
public record BranchOwing(Guid BranchId, string Path, int Required, int Credited, int Owed);

/// <summary>
/// Org-life compliance as other modules read it (ADR 0016): the street's rectification of weak branches asks which branches owe
/// meetings. It reads across scope; callers pass a subtree they see.
/// </summary>
public class OrgLifeDirectory(LianxinDb db, OrgDirectory org)
{
    /// <summary>Every active branch under <paramref name="subtreePath"/> with what it owes for [from, to], as the arrears page counts it.</summary>
    public async Task<IReadOnlyList<BranchOwing>> OwingAsync(string subtreePath, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await ComplianceData.AssessAsync(db, org, subtreePath, from, to, ct))
        .Select(b => new BranchOwing(b.BranchId, b.Path, b.Required, b.Credited, b.Arrears.Sum(a => a.Owed))).ToList();
}
