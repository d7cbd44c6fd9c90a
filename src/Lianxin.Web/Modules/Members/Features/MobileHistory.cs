using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public record MobileBranchOption(Guid Id, string Name);

public record MobileHistoryView(Guid MemberId, string MemberName, bool OnRoster, MobileRow? Current, IReadOnlyList<MobileRow> Past, bool CanManage,
    IReadOnlyList<MobileBranchOption> Branches);

/// <summary>A member's spans of working away, the current one first, and the branches they may join (流动党员党支部 listed first).</summary>
public static class MobileHistory
{
    public static async Task<Outcome<MobileHistoryView>> HandleAsync(LianxinDb db, OrgDirectory units, PersonalData pd, Guid memberId, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, m.OrgPath)) return Failure.Forbidden;
        var spans = await db.MobileMemberships.AcrossScope().AsNoTracking().Where(x => x.MemberId == m.Id).OrderByDescending(x => x.StartedOn).ToListAsync(ct);
        var rows = await MobileRows.ToRowsAsync(db, units, pd, spans, ct);
        var canManage = db.Scope.Can(MemberPermissions.MemberManage, m.OrgPath);
        IReadOnlyList<MobileBranchOption> branches = [];
        if (canManage)
        {
            var all = (await units.InDistrictAsync(ct, true, OrgKind.Branch)).Where(b => b.Id != m.BranchId).ToList();
            var names = await BranchNames.OfAsync(units, all.Select(b => b.Path), ct);
            branches = all.OrderBy(b => b.Name.Contains("流动") ? 0 : 1).ThenBy(b => b.Path, StringComparer.Ordinal)
                .Select(b => new MobileBranchOption(b.Id, names[b.Path])).ToList();
        }
        return new MobileHistoryView(m.Id, m.Name, m.OnRoster, rows.FirstOrDefault(r => r.Current), rows.Where(r => !r.Current).ToList(), canManage, branches);
    }
}
