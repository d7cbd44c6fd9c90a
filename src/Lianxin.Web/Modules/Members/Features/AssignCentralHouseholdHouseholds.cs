using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

public class HouseholdsForm
{
    public List<Guid> HouseholdIds { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>Replaces the households an approved central household looks after; each must be in the grid and not looked after by another.</summary>
public static class AssignCentralHouseholdHouseholds
{
    public static async Task<Outcome<CentralHouseholdDto>> HandleAsync(LianxinDb db, PlaceDirectory places, Guid id, HouseholdsForm f, CancellationToken ct)
    {
        var ch = await db.CentralHouseholds.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ch is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, ch.OrgPath)) return Failure.Forbidden;
        if (ch.Version != f.Version) return Failure.Stale;
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
        return await ListCentralHouseholds.OneAsync(db, places, ch.Id, ct);
    }
}
