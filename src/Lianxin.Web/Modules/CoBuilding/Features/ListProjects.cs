using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.CoBuilding.Data;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.CoBuilding.Features;

public record ProjectRow(Guid Id, string Title, string Unit, decimal? Budget, DateOnly StartOn, DateOnly EndOn, ProjectStatus Status, string StatusName,
    DateOnly? DoneOn, bool OnTime, int Parties);

/// <summary>The 项目清单 in the caller's scope: search, filter by status, latest start first, a page at a time.</summary>
public static class ListProjects
{
    public const int PageSize = 20;

    public static async Task<Outcome<Paged<ProjectRow>>> HandleAsync(LianxinDb db, OrgDirectory org, string? q, ProjectStatus? status, int page, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(CoBuildingPermissions.View)) return Failure.Forbidden;
        var rows = db.CoProjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(p => p.Title.Contains(q.Trim()));
        if (status is { } s) rows = rows.Where(p => p.Status == s);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var list = await rows.OrderByDescending(p => p.StartOn).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new { p, Parties = db.Set<ProjectParty>().Count(x => x.ProjectId == p.Id) }).ToListAsync(ct);
        var names = await org.NamesAsync(list.Select(x => x.p.UnitId).Distinct().ToList(), ct);
        return new Paged<ProjectRow>(list.Select(x => new ProjectRow(x.p.Id, x.p.Title, names.GetValueOrDefault(x.p.UnitId, "—"), x.p.Budget, x.p.StartOn, x.p.EndOn,
            x.p.Status, x.p.Status.Chinese(), x.p.DoneOn, x.p.OnTime, x.Parties)).ToList(), total, page, PageSize);
    }
}
