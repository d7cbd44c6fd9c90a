using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>/org/{id}: a unit with its people, sub-units, places and coverage.</summary>
public class DetailModel(LianxinDb db, PersonalData pd, OrgDirectory org) : OrgPageModel(db)
{
    public UnitDetailDto D { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public const int PageSize = 20;
    public IReadOnlyList<CompoundRow> CompoundPage => D.Compounds.Skip((Math.Max(1, PageNo) - 1) * PageSize).Take(PageSize).ToList();
    public string PagerUrl => "/org/" + D.Id;
    public int CompoundPages => Math.Max(1, (D.Compounds.Count + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await UnitDetail.HandleAsync(Db, pd, id, ct);
        if (!outcome.IsOk) return outcome.ToPage(this, _ => Page());
        D = outcome.Value!;
        // The header names the user's units: those on this unit's trail (usually all of them) are not read again.
        org.Remember(D.Trail.Select(t => (t.Id, t.Name)));
        ViewData["Crumbs"] = new[] { new Crumb("组织架构", "/org") }
            .Concat(D.Trail.Where(t => t.Id != D.Id).Select(t => new Crumb(t.Name, $"/org/{t.Id}")))
            .Append(new Crumb(D.DisplayName)).ToArray();
        return Page();
    }
}
