using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Resources;

public class EditModel(LianxinDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public EditResourceRequest Input { get; set; } = new();
    public IReadOnlyList<PartnerChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var r = await GetResource.HandleAsync(db, id, ct);
        if (r.Refusal(this) is { } end) return end;
        var x = r.Value!;
        if (!x.CanEdit) return Forbid();
        Input = new EditResourceRequest
        {
            PartnerUnitId = x.PartnerUnitId, Title = x.Title, Detail = x.Detail, Kind = x.Kind, Quantity = x.Quantity, Measure = x.Measure,
            AvailableFrom = x.AvailableFrom, AvailableTo = x.AvailableTo, Version = x.Version,
        };
        Load(x);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await (await EditResource.HandleAsync(db, clock, id, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "资源已保存。";
            return Redirect("/cobuilding/resources");
        }, async () => await GetResource.HandleAsync(db, id, ct) is { IsOk: true } r ? Load(r.Value!) : NotFound());

    IActionResult? Load(ResourceRow x)
    {
        Units = [new PartnerChoice(x.PartnerUnitId, x.PartnerUnit)];
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("资源清单", "/cobuilding/resources"), new Platform.Shell.Crumb(x.Title) };
        return null;
    }
}
