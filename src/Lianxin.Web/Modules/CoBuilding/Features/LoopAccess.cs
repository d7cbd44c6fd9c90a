using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

/// <summary>Who may act on the three lists: staff who manage co-building where the record lies, or the liaison of the unit concerned.</summary>
static class LoopAccess
{
    public static bool Staff(LianxinDb db, string path) => db.Scope.Can(CoBuildingPermissions.Manage, path);

    /// <summary>
    /// A partner unit stationed in the street of <paramref name="path"/> (units serve the whole street, so a community's staff see
    /// those stationed at the street or next door), whoever asks.
    /// </summary>
    public static Task<PartnerUnit?> NearUnitAsync(LianxinDb db, Guid unitId, string path, CancellationToken ct)
    {
        var street = LoopRules.StreetOf(path);
        return db.PartnerUnits.AcrossScope().AsNoTracking().FirstOrDefaultAsync(p => p.Id == unitId && p.OrgPath.StartsWith(street), ct);
    }

    /// <summary>The partner units the caller is liaison of (across scope: it is the caller's own unit).</summary>
    public static async Task<List<Guid>> MyUnitsAsync(LianxinDb db, CancellationToken ct) => db.Scope.UserId is { } me
        ? await db.PartnerUnits.AcrossScope().AsNoTracking().Where(p => p.LiaisonUserId == me).Select(p => p.Id).ToListAsync(ct)
        : [];

    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(LianxinDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : await db.PartnerUnits.AcrossScope().AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
