using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class NominationForm
{
    [Required(ErrorMessage = "请选择党员。")]
    public Guid? MemberId { get; set; }
    [Required(ErrorMessage = "请选择网格。")]
    public Guid? GridId { get; set; }
    public bool SelfNominated { get; set; }
    [StringLength(1000)]
    public string? Duties { get; set; }
}

/// <summary>
/// 提名: a member living in the community becomes a nominee of a grid. Residents' recommendations are recorded afterwards (the
/// compound's public page or staff entry) and counted; approval needs self-nomination or at least one of them.
/// </summary>
public static class NominateCentralHousehold
{
    public static async Task<Outcome<CentralHouseholdDto>> HandleAsync(LianxinDb db, PlaceDirectory places, TimeProvider clock, NominationForm f, CancellationToken ct)
    {
        var grid = f.GridId is { } gridId ? await places.FindGridAsync(gridId, ct) : null;
        if (grid is null) return Failure.Invalid(nameof(f.GridId), "所选网格不存在。");
        if (!db.Scope.Can(MemberPermissions.MemberManage, grid.OrgPath)) return Failure.Forbidden;
        var member = await db.Members.AcrossScope().AsNoTracking().FirstOrDefaultAsync(m => m.Id == f.MemberId, ct);
        // A central household is a member's own home: the member must live in the grid's community.
        if (member is null || !member.OnRoster || member.ResidenceCommunityId != grid.CommunityId)
            return Failure.Invalid(nameof(f.MemberId), "该党员不在册或不住在本社区。");
        if (await db.CentralHouseholds.AnyAsync(c => c.MemberId == member.Id && (c.Status == CentralHouseholdStatus.Nominated || c.Status == CentralHouseholdStatus.Approved), ct))
            return Failure.Conflict("该党员已被提名或已是党员中心户。");
        var ch = new CentralHousehold
        {
            MemberId = member.Id, MemberName = member.Name, CommunityId = grid.CommunityId, GridId = grid.Id, OrgPath = grid.OrgPath,
            SelfNominated = f.SelfNominated, Status = CentralHouseholdStatus.Nominated, NominatedOn = clock.Today(), Duties = f.Duties?.Trim(),
        };
        db.CentralHouseholds.Add(ch);
        await db.SaveChangesAsync(ct);
        return await ListCentralHouseholds.OneAsync(db, places, ch.Id, ct);
    }
}
