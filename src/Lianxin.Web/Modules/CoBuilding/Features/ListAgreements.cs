using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record AgreementRow(Guid Id, string Title, string KindName, string Unit, int Year, DateOnly SignedOn, AgreementStatus Status, string StatusName,
    int Obligations, int Fulfilled);

/// <summary>Agreements in the caller's scope (a liaison: those where their unit owes something first): search, year, status, a page at a time.</summary>
public static class ListAgreements
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<AgreementRow>>> HandleAsync(LianxinDb db, OrgDirectory org, string? q, int? year, AgreementStatus? status, int page,
        CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var rows = db.Agreements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(a => a.Title.Contains(q.Trim()));
        if (year is { } y) rows = rows.Where(a => a.Year == y);
        if (status is { } s) rows = rows.Where(a => a.Status == s);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(a => a.SignedOn).ThenBy(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a,
                Count = db.Set<Obligation>().Count(o => o.AgreementId == a.Id),
                Done = db.Set<Obligation>().Count(o => o.AgreementId == a.Id && o.FulfilledOn != null),
            }).ToListAsync(ct);
        var names = await org.NamesAsync(list.Select(x => x.a.UnitId).Distinct().ToList(), ct);
        return new Paged<AgreementRow>(list.Select(x => new AgreementRow(x.a.Id, x.a.Title, x.a.Kind.Chinese(), names.GetValueOrDefault(x.a.UnitId, "—"), x.a.Year,
            x.a.SignedOn, x.a.Status, x.a.Status.Chinese(), x.Count, x.Done)).ToList(), total, page, PageSize);
    }
}
