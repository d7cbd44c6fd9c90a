using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Reviews.Pages;

public class CultivationInput
{
    public Guid UnitId { get; set; }
    public string? Reason { get; set; }
    public string? Responsible { get; set; }
}

/// <summary>/reviews/cultivation?year=: the year's 五星支部 重点培养对象, named by the caller's street or community, with their history.</summary>
public class CultivationModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : ReviewPageModel(db)
{
    [BindProperty] public CultivationInput Input { get; set; } = new();
    public int Year { get; private set; }
    public List<CultivationRow> Rows { get; private set; } = [];
    /// <summary>The street or community the caller names branches for (null: the caller only reads the list).</summary>
    public OrgUnitRef? Lister { get; private set; }
    public List<OrgUnitRef> Branches { get; private set; } = [];
    /// <summary>Paths of the units that named the rows: only that level (or one above it) takes a branch off.</summary>
    Dictionary<Guid, string> listers = [];

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostAddAsync(int year, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        if (Lister is null) return Forbid();
        var outcome = await Cultivation.AddAsync(Db, org, clock, new AddCultivationRequest(year, Input.UnitId, Lister.Id, Input.Reason, Input.Responsible), ct);
        return outcome.ToPage(this, row =>
        {
            TempData["Flash"] = $"已将{row.UnitName}列为 {year} 年重点培养对象。";
            return Redirect($"/reviews/cultivation?year={year}");
        });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int year, Guid id, string? reason, CancellationToken ct)
    {
        var outcome = await Cultivation.RemoveAsync(Db, org, clock, id, new RemoveCultivationRequest(reason), ct);
        if (!outcome.IsOk) await LoadAsync(year, ct);
        return outcome.ToPage(this, row =>
        {
            TempData["Flash"] = $"已将{row.UnitName}移出名单。";
            return Redirect($"/reviews/cultivation?year={year}");
        }, "");
    }

    async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.Today().Year;
        Rows = await Cultivation.ListAsync(Db, Year, ct);
        var grant = Db.Scope.Grants.Where(g => g.Role.Allows(ReviewPermissions.StarCultivate)).OrderBy(g => g.OrgPath.Length).FirstOrDefault();
        if (grant is not null && await org.FindAsync(grant.OrgUnitId, ct) is { Kind: OrgKind.Street or OrgKind.Community } lister)
        {
            Lister = lister;
            var listed = Rows.Where(r => r.Active).Select(r => r.UnitId).ToHashSet();
            Branches = (await org.InScopeAsync(ct, true, OrgKind.Branch))
                .Where(b => b.Path.StartsWith(lister.Path, StringComparison.Ordinal) && !listed.Contains(b.Id)).ToList();
        }
        listers = (await org.ManyAsync(Rows.Select(r => r.ListedByUnitId), ct)).ToDictionary(u => u.Id, u => u.Path);
        ViewData["Title"] = "五星支部重点培养对象";
        Crumbs(new Crumb("五星支部重点培养对象"));
    }

    public bool CanRemove(CultivationRow r) => r.Active && listers.TryGetValue(r.ListedByUnitId, out var path) && Db.Scope.Can(ReviewPermissions.StarCultivate, path);
}
