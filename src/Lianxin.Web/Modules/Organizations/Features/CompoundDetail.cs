using Lianxin.Web.Modules.Organizations.Data;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Organizations.Features;

/// <summary><see cref="LeaderLinked"/> false with a name: free text from before 0031 that matched no roster member (未关联).</summary>
public record BuildingRow(Guid Id, string Name, int Floors, string? LeaderName, bool LeaderLinked, string? LeaderPhone, int Households, int Residents);

/// <param name="CommunitySeen">Whether the caller may open the community (a grid leader sees its compounds, not the whole community).</param>
public record CompoundDetailDto(Guid Id, string Name, CompoundType Type, string TypeName, string? Address, Guid CommunityId, string CommunityName,
    Guid? GridId, string? GridName, Guid? BranchId, string? BranchName, int Version, IReadOnlyList<BuildingRow> Buildings, bool CanManage, bool CommunitySeen)
{
    public int Households => Buildings.Sum(b => b.Households);
}

/// <summary>A compound with its buildings, their 楼栋长 and household counts.</summary>
public static class CompoundDetail
{
    public static async Task<Outcome<CompoundDetailDto>> HandleAsync(LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct)
    {
        var c = await db.Compounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Failure.NotFound;
        if (!db.Scope.Can(OrgPermissions.OrgView, c.OrgPath)) return Failure.Forbidden;
        var canManage = db.Scope.Can(OrgPermissions.OrgManage, c.OrgPath);
        var names = await db.NamesAsync(c.BranchId is { } b ? [c.CommunityId, b] : [c.CommunityId], ct);
        var communitySeen = names.TryGetValue(c.CommunityId, out var community);
        // The name of the community a compound lies in is a public fact (the public board shows it), also to whom its page is closed.
        community ??= (await org.NamesAsync([c.CommunityId], ct)).GetValueOrDefault(c.CommunityId) ?? "—";
        var grid = c.GridId is { } g ? await db.Grids.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var buildings = await db.Buildings.AsNoTracking().Where(x => x.CompoundId == c.Id).ToListAsync(ct);
        var ids = buildings.Select(x => x.Id).ToList();
        var stats = await db.Households.Where(h => ids.Contains(h.BuildingId)).GroupBy(h => h.BuildingId)
            .Select(x => new { x.Key, Count = x.Count(), Residents = x.Sum(h => h.Residents) }).ToDictionaryAsync(x => x.Key, ct);
        var rows = buildings.OrderBy(x => x.Name.Length).ThenBy(x => x.Name)
            .Select(x => new BuildingRow(x.Id, x.Name, x.Floors, x.LeaderName, x.LeaderMemberId != null, Phone(pd, x.LeaderPhoneCipher, canManage),
                stats.GetValueOrDefault(x.Id)?.Count ?? 0, stats.GetValueOrDefault(x.Id)?.Residents ?? 0)).ToList();
        return new CompoundDetailDto(c.Id, c.Name, c.Type, c.Type.Chinese(), c.Address, c.CommunityId, community,
            c.GridId, grid, c.BranchId, c.BranchId is { } bid ? names.GetValueOrDefault(bid) : null, c.Version, rows, canManage, communitySeen);
    }

    static string? Phone(PersonalData pd, string? cipher, bool whole) =>
        cipher is null ? null : whole ? pd.OpenPhone(cipher) : Mask.Phone(pd.OpenPhone(cipher));
}
