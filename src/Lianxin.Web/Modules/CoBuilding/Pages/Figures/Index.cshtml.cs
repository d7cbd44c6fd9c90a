using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Figures;

/// <summary>/cobuilding/figures?unit=&amp;period=: 共建数据, the communities of a street (or streets of the district) side by side on every co-building indicator.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public CoBuildingFiguresTable Table { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb("共建数据") };
        var table = await CoBuildingFigures.HandleAsync(db, org, catalog, clock, Unit, Period, ct);
        if (table.Refusal(this) is { } end) return end;
        if (!table.IsOk)
        {
            // A period that does not parse is on the form (Refusal put it there); the current quarter is shown meanwhile.
            table = await CoBuildingFigures.HandleAsync(db, org, catalog, clock, Unit, null, ct);
        }
        Table = table.Value!;
        Period ??= Table.Period;
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community)).Select(u => (u.Id, u.DisplayName)).ToList();
        return Page();
    }
}
