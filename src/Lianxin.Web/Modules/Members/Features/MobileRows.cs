using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>A span of working away as pages and the API show it; the phone masked unless the caller may see it whole.</summary>
public record MobileRow(Guid Id, Guid MemberId, string MemberName, Guid HomeBranchId, string HomeBranchName, string City, string? Workplace,
    Guid MobileBranchId, string MobileBranchName, string ContactPhone, bool OnlineMeetings, bool Reports, string Participation,
    DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, string RecordedBy, int Version)
{
    public bool Current => EndedOn is null;
}

public static class MobileRows
{
    public static async Task<List<MobileRow>> ToRowsAsync(LianxinDb db, OrgDirectory units, PersonalData pd, IReadOnlyList<MobileMembership> rows, CancellationToken ct)
    {
        var memberIds = rows.Select(r => r.MemberId).Distinct().ToList();
        var home = await db.Members.AcrossScope().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => (m.BranchId, m.OrgPath), ct);
        var names = await BranchNames.OfAsync(units, rows.Select(r => r.MobileBranchPath).Concat(home.Values.Select(h => h.OrgPath)), ct);
        return rows.Select(r =>
        {
            var (homeId, homePath) = home.GetValueOrDefault(r.MemberId, (Guid.Empty, r.OrgPath));
            var phone = r.ContactPhoneCipher is { } c ? pd.Decrypt(c) : null;
            var whole = db.Scope.Can(MemberPermissions.MemberPersonalData, r.OrgPath) || db.Scope.Can(MemberPermissions.MemberPersonalData, r.MobileBranchPath);
            return new MobileRow(r.Id, r.MemberId, r.MemberName, homeId, names.GetValueOrDefault(homePath, "—"), r.City, r.Workplace,
                r.MobileBranchId, names.GetValueOrDefault(r.MobileBranchPath, "—"), whole ? phone ?? "" : Mask.Phone(phone), r.OnlineMeetings, r.Reports,
                MobileNames.Participation(r.OnlineMeetings, r.Reports), r.StartedOn, r.EndedOn, r.EndReason, r.RecordedBy, r.Version);
        }).ToList();
    }
}

/// <summary>"和平社区 第一网格党支部": grid branches of different communities share their short names, so a branch is named with its community.</summary>
public static class BranchNames
{
    public static async Task<Dictionary<string, string>> OfAsync(OrgDirectory units, IEnumerable<string> paths, CancellationToken ct)
    {
        var list = paths.Distinct().ToList();
        var refs = (await units.ManyAsync(list.SelectMany(OrgDirectory.IdsOf), ct)).ToDictionary(u => u.Id);
        return list.ToDictionary(p => p, p =>
        {
            var chain = OrgDirectory.IdsOf(p).Select(refs.GetValueOrDefault).OfType<OrgUnitRef>().ToList();
            var self = chain.LastOrDefault();
            var community = chain.LastOrDefault(u => u.Kind == OrgKind.Community);
            return self is null ? "—" : community is null || community == self ? self.DisplayName : $"{community.PublicName} {self.DisplayName}";
        });
    }
}
