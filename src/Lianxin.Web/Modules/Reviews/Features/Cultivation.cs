using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Reviews.Features;

public record CultivationRow(Guid Id, int Year, Guid UnitId, string UnitName, Guid ListedByUnitId, string ListedByName, string Reason, string Responsible,
    string AddedBy, DateTime AddedAt, string? RemovalReason, string? RemovedBy, DateTime? RemovedAt)
{
    public bool Active => RemovedAt is null;
}

/// <summary>Names a branch as a 重点培养对象 of <see cref="Year"/>; <see cref="ListedByUnitId"/> is the street or community naming it.</summary>
public record AddCultivationRequest(int Year, Guid UnitId, Guid ListedByUnitId, string? Reason, string? Responsible);

public record RemoveCultivationRequest(string? Reason);

/// <summary>
/// The 五星支部 重点培养对象 list: each year the street (or a community, for its own branches) names the branches it will cultivate
/// towards the year-end 五星支部 award, with why and who answers for each. Taking one off needs a reason and keeps the row.
/// </summary>
public static class Cultivation
{
    static CultivationRow Row(CultivationTarget c) => new(c.Id, c.Year, c.UnitId, c.UnitName, c.ListedByUnitId, c.ListedByName, c.Reason, c.Responsible,
        c.AddedBy, c.AddedAt, c.RemovalReason, c.RemovedBy, c.RemovedAt);

    /// <summary>The year's list in the caller's scope: current entries first, then those taken off, with their reasons.</summary>
    public static async Task<List<CultivationRow>> ListAsync(LianxinDb db, int year, CancellationToken ct)
    {
        var rows = await db.CultivationTargets.AsNoTracking().Where(c => c.Year == year).ToListAsync(ct);
        return rows.Where(c => Sees(db, c.OrgPath)).Select(Row).OrderBy(r => r.RemovedAt is not null).ThenBy(r => r.UnitName, NaturalOrder.Instance).ToList();
    }

    /// <summary>Those who see review results or keep the list; a reviewer-only account does not.</summary>
    public static bool Sees(LianxinDb db, string path) =>
        db.Scope.Can(ReviewPermissions.ReviewView, path) || db.Scope.Can(ReviewPermissions.StarCultivate, path);

    public static async Task<Outcome<CultivationRow>> AddAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, AddCultivationRequest r, CancellationToken ct)
    {
        var lister = await org.FindAsync(r.ListedByUnitId, ct);
        var branch = await org.FindAsync(r.UnitId, ct);
        if (lister is null || branch is null) return Failure.NotFound;
        if (!db.Scope.Can(ReviewPermissions.StarCultivate, lister.Path)) return Failure.Forbidden;
        var e = new Errors();
        var thisYear = clock.Today().Year;
        if (r.Year < thisYear - 1 || r.Year > thisYear + 1) e.Fail("Year", $"年度须在 {thisYear - 1} 到 {thisYear + 1} 年之间。");
        if (lister.Kind is not (OrgKind.Street or OrgKind.Community)) e.Fail("ListedByUnitId", "重点培养对象由街道或社区党组织确定。");
        if (branch.Kind != OrgKind.Branch || !branch.Path.StartsWith(lister.Path, StringComparison.Ordinal))
            e.Fail("UnitId", $"请选择{lister.DisplayName}下属的党支部。");
        else if (!branch.IsActive) e.Fail("UnitId", "该党支部已撤销。");
        e.Required("Reason", r.Reason, "请填写列入理由。");
        e.Max("Reason", r.Reason, 500, "列入理由");
        e.Required("Responsible", r.Responsible, "请填写培养责任人。");
        e.Max("Responsible", r.Responsible, 60, "培养责任人");
        if (e.Any) return Failure.Invalid(e);
        if (await db.CultivationTargets.AnyAsync(c => c.Year == r.Year && c.UnitId == branch.Id && c.RemovedAt == null, ct))
            return Failure.Conflict($"{branch.DisplayName}已在 {r.Year} 年重点培养对象名单中。");
        var row = new CultivationTarget
        {
            Year = r.Year, UnitId = branch.Id, UnitName = branch.DisplayName, OrgPath = branch.Path, ListedByUnitId = lister.Id, ListedByName = lister.DisplayName,
            Reason = r.Reason!.Trim(), Responsible = r.Responsible!.Trim(), AddedBy = db.Scope.UserName, AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CultivationTargets.Add(row);
        await db.SaveChangesAsync(ct);
        return Row(row);
    }

    /// <summary>Takes a branch off the list with a reason; only the level that named it (or one above) may.</summary>
    public static async Task<Outcome<CultivationRow>> RemoveAsync(LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RemoveCultivationRequest r, CancellationToken ct)
    {
        var row = await db.CultivationTargets.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null) return Failure.NotFound;
        var lister = await org.FindInDistrictAsync(row.ListedByUnitId, ct);
        if (!db.Scope.Can(ReviewPermissions.StarCultivate, lister?.Path ?? row.OrgPath)) return Failure.Forbidden;
        var e = new Errors();
        e.Required("Reason", r.Reason, "请填写移出理由。");
        e.Max("Reason", r.Reason, 500, "移出理由");
        if (e.Any) return Failure.Invalid(e);
        if (row.RemovedAt is not null) return Failure.Conflict($"{row.UnitName}已移出名单。");
        row.RemovalReason = r.Reason!.Trim();
        row.RemovedBy = db.Scope.UserName;
        row.RemovedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Row(row);
    }
}
