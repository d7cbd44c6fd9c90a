using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>One branch's mobile members: those of its own roster working away (流出) and those taking part in its org life (流入).</summary>
public record MobileFigure(string BranchPath, string BranchName, int Away, int Hosted);

public record MobileList(Guid UnitId, string UnitName, IReadOnlyList<MobileRow> Rows, IReadOnlyList<MobileFigure> Figures, bool IncludeEnded);

/// <summary>
/// 流动党员 of a unit's subtree (a branch's page, a community's or the street's list): the spans whose member's own branch or whose
/// mobile-member branch lies in the subtree, current ones first, with the figures per branch. The mobile branch often sits under the
/// street while the member's branch is in a community, so both sides are read across scope once the unit itself is in the caller's.
/// </summary>
public static class ListMobileMembers
{
    public static async Task<Outcome<MobileList>> HandleAsync(LianxinDb db, OrgDirectory units, PersonalData pd, Guid? unitId, bool includeEnded, CancellationToken ct)
    {
        var unit = unitId is { } id ? await units.FindAsync(id, ct)
            : (await units.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community, OrgKind.Branch)).FirstOrDefault(u => db.Scope.Can(MemberPermissions.MemberView, u.Path));
        if (unit is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, unit.Path)) return Failure.Forbidden;
        var path = unit.Path;
        var q = db.MobileMemberships.AcrossScope().AsNoTracking().Where(x => x.OrgPath.StartsWith(path) || x.MobileBranchPath.StartsWith(path));
        if (!includeEnded) q = q.Where(x => x.EndedOn == null);
        var spans = await q.OrderBy(x => x.EndedOn != null).ThenByDescending(x => x.StartedOn).ThenBy(x => x.MemberName).Take(500).ToListAsync(ct);
        var rows = await MobileRows.ToRowsAsync(db, units, pd, spans, ct);

        var current = spans.Where(x => x.EndedOn is null).ToList();
        var names = await BranchNames.OfAsync(units, current.Select(x => x.OrgPath).Concat(current.Select(x => x.MobileBranchPath)), ct);
        var figures = current.Select(x => x.OrgPath).Where(p => p.StartsWith(path, StringComparison.Ordinal))
            .Concat(current.Select(x => x.MobileBranchPath).Where(p => p.StartsWith(path, StringComparison.Ordinal))).Distinct()
            .Select(p => new MobileFigure(p, names.GetValueOrDefault(p, "—"), current.Count(x => x.OrgPath == p), current.Count(x => x.MobileBranchPath == p)))
            .OrderBy(f => f.BranchPath, StringComparer.Ordinal).ToList();
        return new MobileList(unit.Id, unit.DisplayName, rows, figures, includeEnded);
    }
}
