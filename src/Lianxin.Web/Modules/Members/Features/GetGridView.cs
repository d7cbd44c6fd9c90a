using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>A building and its 楼栋长: a roster member, or a free-text name from before 0031 that matched none (未关联), or nobody (a gap).</summary>
public record GridViewBuilding(Guid Id, string Name, Guid? LeaderId, Guid? LeaderMemberId, string? LeaderName, int? LeaderVersion, string? UnlinkedLeaderName)
{
    public bool NoLeader => LeaderMemberId is null;
}

/// <summary>A compound: its own branch after 拆—转—建 and that branch's secretary; without one it is a gap (covered by the grid branch or not).</summary>
public record GridViewCompound(Guid Id, string Name, string? BranchName, IReadOnlyList<string> BranchSecretaries, IReadOnlyList<GridViewBuilding> Buildings)
{
    public bool NoBranch => BranchName is null;
}

public record GridViewCentral(Guid Id, string MemberName, DateOnly? ApprovedOn, IReadOnlyList<string> Homes);

/// <summary>A nominee not yet approved, with the households that recommended them so far.</summary>
public record GridViewNominee(Guid Id, string MemberName, int Recommendations);

/// <summary>A grid with its branch, secretary, group leaders and 网格员; <see cref="Id"/> null gathers compounds not yet placed in a grid.</summary>
public record GridViewGrid(Guid? Id, string Name, string? BranchName, IReadOnlyList<string> Secretaries, IReadOnlyList<string> GroupLeaders, string? GridWorker,
    IReadOnlyList<GridViewCompound> Compounds, IReadOnlyList<GridViewCentral> CentralHouseholds, IReadOnlyList<GridViewNominee> Nominees)
{
    public bool NoBranch => Id is not null && BranchName is null;
    public bool NoCentralHousehold => Id is not null && CentralHouseholds.Count == 0;
    public int Gaps => (NoBranch ? 1 : 0) + (NoCentralHousehold ? 1 : 0) + Compounds.Sum(c => (c.NoBranch ? 1 : 0) + c.Buildings.Count(b => b.NoLeader));
}

public record GridViewGaps(int Buildings, int BuildingsWithoutLeader, int UnlinkedLeaders, int Compounds, int CompoundsWithoutBranch, int Grids, int GridsWithoutBranch,
    int GridsWithoutCentralHousehold);

public record GridViewDto(Guid CommunityId, string CommunityName, IReadOnlyList<GridViewGrid> Grids, GridViewGaps Gaps, IReadOnlyList<CentralDutyDto> Duties, bool CanManage);

/// <summary>
/// 后三级网格 of a community (000: 网格—楼栋—党员中心户): each grid with who answers for it, its compounds and buildings with their
/// branch and 楼栋长, and its central households with the homes they look after; the gaps are flagged and counted.
/// </summary>
public static class GetGridView
{
    public static async Task<Outcome<GridViewDto>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, Guid communityId, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;

        var grids = await places.GridsOfCommunityAsync(communityId, ct);
        var compounds = await places.CompoundsOfCommunityAsync(communityId, ct);
        var buildings = (await places.BuildingsOfCompoundsAsync(compounds.Select(c => c.Id), ct)).ToLookup(b => b.CompoundId);
        var branchIds = grids.Where(g => g.BranchId is not null).Select(g => g.BranchId!.Value).Concat(compounds.Where(c => c.BranchId is not null).Select(c => c.BranchId!.Value)).ToList();
        var branches = (await units.ManyAsync(branchIds, ct)).ToDictionary(u => u.Id);
        var positions = await places.CurrentPositionsUnderAsync(community.Path, ct);
        IReadOnlyList<string> Secretaries(Guid? branchId) => branchId is { } b ? positions.Where(p => p.OrgUnitId == b && p.Title == "书记").Select(p => p.PersonName).ToList() : [];
        IReadOnlyList<string> GroupLeaders(Guid? branchId) => branchId is { } b && branches.TryGetValue(b, out var unit)
            ? positions.Where(p => p.OrgUnitId != b && p.OrgPath.StartsWith(unit.Path) && p.Title == "党小组长").Select(p => p.PersonName).ToList() : [];

        var leaders = await db.BuildingLeaders.AcrossScope().AsNoTracking().Where(l => l.CommunityId == communityId && l.EndedOn == null).ToDictionaryAsync(l => l.BuildingId, ct);
        var gridIds = grids.Select(g => g.Id).ToList();
        var centrals = await db.CentralHouseholds.AcrossScope().AsNoTracking()
            .Where(c => gridIds.Contains(c.GridId) && c.Status == CentralHouseholdStatus.Approved).OrderBy(c => c.MemberName).ToListAsync(ct);
        var nominees = await db.CentralHouseholds.AcrossScope().AsNoTracking()
            .Where(c => gridIds.Contains(c.GridId) && c.Status == CentralHouseholdStatus.Nominated).OrderBy(c => c.MemberName)
            .Select(c => new { c.Id, c.GridId, c.MemberName, N = db.Set<CentralHouseholdRecommendation>().Count(r => r.CentralHouseholdId == c.Id) }).ToListAsync(ct);
        var centralIds = centrals.Select(c => c.Id).ToList();
        var links = await db.CentralHouseholdLinks.AcrossScope().AsNoTracking().Where(l => centralIds.Contains(l.CentralHouseholdId)).ToListAsync(ct);
        var homes = (await places.HouseholdsAsync(links.Select(l => l.HouseholdId), ct)).ToDictionary(h => h.Id);
        var homeBuildings = (await places.BuildingsAsync(homes.Values.Select(h => h.BuildingId), ct)).ToDictionary(b => b.Id, b => b.Name);
        string Home(Guid householdId) => homes.TryGetValue(householdId, out var h) ? $"{homeBuildings.GetValueOrDefault(h.BuildingId)} {h.Unit} {h.Room}".Replace("  ", " ").Trim() : "—";
        var byCentral = links.ToLookup(l => l.CentralHouseholdId);

        GridViewCompound Compound(CompoundRef c) => new(c.Id, c.Name, c.BranchId is { } b && branches.TryGetValue(b, out var u) ? u.DisplayName : null, Secretaries(c.BranchId),
            buildings[c.Id].OrderBy(b => b.Name.Length).ThenBy(b => b.Name).Select(b => leaders.TryGetValue(b.Id, out var l)
                ? new GridViewBuilding(b.Id, b.Name, l.Id, l.MemberId, l.MemberName, l.Version, null)
                : new GridViewBuilding(b.Id, b.Name, null, null, null, null, b.UnlinkedLeaderName)).ToList());

        var rows = grids.Select(g => new GridViewGrid(g.Id, g.Name, g.BranchId is { } b && branches.TryGetValue(b, out var u) ? u.DisplayName : null,
            Secretaries(g.BranchId), GroupLeaders(g.BranchId), g.GridWorker,
            compounds.Where(c => c.GridId == g.Id).Select(Compound).ToList(),
            centrals.Where(c => c.GridId == g.Id).Select(c => new GridViewCentral(c.Id, c.MemberName, c.ApprovedOn,
                byCentral[c.Id].Select(l => Home(l.HouseholdId)).Order().ToList())).ToList(),
            nominees.Where(n => n.GridId == g.Id).Select(n => new GridViewNominee(n.Id, n.MemberName, n.N)).ToList())).ToList();
        var loose = compounds.Where(c => c.GridId is null || !gridIds.Contains(c.GridId.Value)).Select(Compound).ToList();
        if (loose.Count > 0) rows.Add(new GridViewGrid(null, "未划入网格的小区", null, [], [], null, loose, [], []));

        var allCompounds = rows.SelectMany(r => r.Compounds).ToList();
        var allBuildings = allCompounds.SelectMany(c => c.Buildings).ToList();
        var gaps = new GridViewGaps(allBuildings.Count, allBuildings.Count(b => b.NoLeader), allBuildings.Count(b => b.NoLeader && b.UnlinkedLeaderName is not null),
            allCompounds.Count, allCompounds.Count(c => c.NoBranch), grids.Count, rows.Count(r => r.NoBranch), rows.Count(r => r.NoCentralHousehold));
        return new GridViewDto(community.Id, community.DisplayName, rows, gaps, await CentralDuties.OfCommunityAsync(db, communityId, ct),
            db.Scope.Can(MemberPermissions.MemberManage, community.Path));
    }
}
