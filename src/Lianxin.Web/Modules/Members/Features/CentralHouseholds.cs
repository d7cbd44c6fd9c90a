using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

public record CentralHouseholdDto(Guid Id, Guid MemberId, string MemberName, Guid GridId, string GridName, bool SelfNominated, int Recommenders,
    CentralHouseholdStatus Status, string StatusName, DateOnly NominatedOn, DateOnly? ApprovedOn, string Duties, int LookedAfter, int Version);
public record GridCoverage(Guid GridId, string GridName, int Households, int LookedAfter, decimal Coverage, int CentralHouseholds);

public class NominationForm
{
    [Required(ErrorMessage = "请选择党员。")]
    public Guid? MemberId { get; set; }
    [Required(ErrorMessage = "请选择网格。")]
    public Guid? GridId { get; set; }
    public bool SelfNominated { get; set; }
    [Range(0, 10000, ErrorMessage = "推荐人数应为 0 到 10000。")]
    public int Recommenders { get; set; }
    [StringLength(1000)]
    public string? Duties { get; set; }
}

public class HouseholdsForm
{
    public List<Guid> HouseholdIds { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>党员中心户: nomination (self and/or residents' recommendation), approval by the community, households looked after, coverage.</summary>
public static class CentralHouseholds
{
    public static async Task<List<CentralHouseholdDto>> ListAsync(LianxinDb db, PlaceDirectory places, IQueryable<CentralHousehold> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().OrderBy(c => c.GridId).ThenBy(c => c.MemberName).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.CentralHouseholdLinks.AcrossScope().Where(l => ids.Contains(l.CentralHouseholdId))
            .GroupBy(l => l.CentralHouseholdId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var grids = (await places.GridsAsync(rows.Select(r => r.GridId), ct)).ToDictionary(g => g.Id, g => g.Name);
        return rows.Select(c => new CentralHouseholdDto(c.Id, c.MemberId, c.MemberName, c.GridId, grids.GetValueOrDefault(c.GridId, "—"), c.SelfNominated, c.Recommenders,
            c.Status, CentralHousehold.Chinese(c.Status), c.NominatedOn, c.ApprovedOn, c.Duties ?? CentralHouseholdDuties.Default, counts.GetValueOrDefault(c.Id), c.Version)).ToList();
    }

    public static async Task<Outcome<CentralHouseholdDto>> NominateAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, NominationForm f, CancellationToken ct)
    {
        var grid = f.GridId is { } gridId ? await places.FindGridAsync(gridId, ct) : null;
        if (grid is null) return Failure.Invalid(nameof(f.GridId), "所选网格不存在。");
        if (!db.Scope.Can(MemberPermissions.MemberManage, grid.OrgPath)) return Failure.Forbidden;
        if (CentralHousehold.NominationProblem(f.SelfNominated, f.Recommenders) is { } p) return Failure.Invalid(nameof(f.Recommenders), p);
        var member = await db.Members.AcrossScope().AsNoTracking().FirstOrDefaultAsync(m => m.Id == f.MemberId, ct);
        // A central household is a member's own home: the member must live in the grid's community.
        if (member is null || !member.OnRoster || member.ResidenceCommunityId != grid.CommunityId)
            return Failure.Invalid(nameof(f.MemberId), "该党员不在册或不住在本社区。");
        if (await db.CentralHouseholds.AnyAsync(c => c.MemberId == member.Id && (c.Status == CentralHouseholdStatus.Nominated || c.Status == CentralHouseholdStatus.Approved), ct))
            return Failure.Conflict("该党员已被提名或已是党员中心户。");
        var ch = new CentralHousehold
        {
            MemberId = member.Id, MemberName = member.Name, CommunityId = grid.CommunityId, GridId = grid.Id, OrgPath = grid.OrgPath,
            SelfNominated = f.SelfNominated, Recommenders = f.Recommenders, Status = CentralHouseholdStatus.Nominated, NominatedOn = clock.Today(), Duties = f.Duties?.Trim(),
        };
        db.CentralHouseholds.Add(ch);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, places, db.CentralHouseholds.Where(c => c.Id == ch.Id), ct))[0];
    }

    /// <summary>Approval is the community's (社区党组织审核确定), not the grid branch's.</summary>
    public static async Task<Outcome<CentralHouseholdDto>> DecideAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, Guid id, DecisionForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return Failure.NotFound;
        var community = await units.FindInDistrictAsync(ch.CommunityId, ct) ?? throw new InvalidOperationException($"Community {ch.CommunityId} of a central household is missing.");
        if (!db.Scope.Can(MemberPermissions.MemberManage, community.Path)) return Failure.Forbidden;
        if (ch.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (ch.Status != CentralHouseholdStatus.Nominated) return Failure.Conflict("该提名已处理。");
        ch.Status = f.Approve ? CentralHouseholdStatus.Approved : CentralHouseholdStatus.Rejected;
        if (f.Approve) ch.ApprovedOn = clock.Today();
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, places, db.CentralHouseholds.Where(c => c.Id == ch.Id), ct))[0];
    }

    /// <summary>Replaces the households looked after; each must be in the grid and not looked after by another.</summary>
    public static async Task<Outcome<CentralHouseholdDto>> AssignHouseholdsAsync(LianxinDb db, PlaceDirectory places, Guid id, HouseholdsForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath)) return Failure.Forbidden;
        if (ch.Version != f.Version) return Failure.Conflict("该记录已被他人修改，请刷新后重试。");
        if (ch.Status != CentralHouseholdStatus.Approved) return Failure.Conflict("审批通过后才能分配联系户。");
        var wanted = f.HouseholdIds.Distinct().ToList();
        var inGrid = (await places.HouseholdsAsync(wanted, ct)).Where(h => h.GridId == ch.GridId).ToList();
        if (inGrid.Count != wanted.Count) return Failure.Invalid(nameof(f.HouseholdIds), "有住户不在该网格内。");
        var taken = await db.CentralHouseholdLinks.AcrossScope().Where(l => wanted.Contains(l.HouseholdId) && l.CentralHouseholdId != ch.Id).CountAsync(ct);
        if (taken > 0) return Failure.Conflict($"有 {taken} 户已由其他党员中心户联系。");
        var current = await db.CentralHouseholdLinks.AcrossScope().Where(l => l.CentralHouseholdId == ch.Id).ToListAsync(ct);
        db.CentralHouseholdLinks.RemoveRange(current.Where(l => !wanted.Contains(l.HouseholdId)));
        foreach (var h in inGrid.Where(h => current.All(l => l.HouseholdId != h.Id)))
            db.CentralHouseholdLinks.Add(new CentralHouseholdLink { CentralHouseholdId = ch.Id, HouseholdId = h.Id, OrgPath = h.OrgPath });
        ch.Version++; // the set of households is part of the record others edit
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, places, db.CentralHouseholds.Where(c => c.Id == ch.Id), ct))[0];
    }

    /// <summary>Coverage per grid of a community: households looked after ÷ households in the grid.</summary>
    public static async Task<Outcome<List<GridCoverage>>> CoverageAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, Guid communityId, CancellationToken ct)
    {
        var community = await units.FindAsync(communityId, ct);
        if (community is not { Kind: OrgKind.Community }) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberView, community.Path)) return Failure.Forbidden;
        var grids = await places.GridsOfCommunityAsync(communityId, ct);
        var gridIds = grids.Select(g => g.Id).ToList();
        var households = await places.HouseholdCountsByGridAsync(gridIds, ct);
        var looked = await (from l in db.CentralHouseholdLinks.AcrossScope() join c in db.CentralHouseholds.AcrossScope() on l.CentralHouseholdId equals c.Id
                            where c.Status == CentralHouseholdStatus.Approved && gridIds.Contains(c.GridId) group l by c.GridId into g select new { Grid = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Grid, x => x.N, ct);
        var chs = await db.CentralHouseholds.AcrossScope().Where(c => c.Status == CentralHouseholdStatus.Approved && gridIds.Contains(c.GridId))
            .GroupBy(c => c.GridId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return grids.Select(g => new GridCoverage(g.Id, g.Name, households.GetValueOrDefault(g.Id), looked.GetValueOrDefault(g.Id),
            CentralHousehold.Coverage(looked.GetValueOrDefault(g.Id), households.GetValueOrDefault(g.Id)), chs.GetValueOrDefault(g.Id))).ToList();
    }
}
