using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Mediation.Pages;

/// <summary>/mediation: the cases the caller is on or answers for, and this year's success rate of their communities.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    public List<CaseRow> Rows { get; private set; } = [];
    public List<MediationFigureRow> Figures { get; private set; } = [];
    public bool CanOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("矛盾调解") };
        var rows = await CaseQueries.ListAsync(db, org, null, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanOpen = db.Scope.CanAnywhere(MediationPermissions.Open);
        if (CanOpen) Figures = (await MediationFigures.HandleAsync(db, org, catalog, clock, ct)).Value ?? [];
        return Page();
    }
}
