using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Organizations.Pages;

/// <summary>Appoint a responsible person; the End handler lets one leave (from the detail page).</summary>
public class PositionNewModel(LianxinDb db, PersonalData pd, TimeProvider clock) : OrgPageModel(db)
{
    [BindProperty] public AddPositionRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        Input.StartedOn = clock.Today();
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadUnitAsync(id) is { } stop) return stop;
        var outcome = await AddPosition.HandleAsync(Db, pd, clock, id, Input, ct);
        if (!outcome.IsOk) { Show(); return outcome.ToPage(this, _ => Page()); }
        TempData["Flash"] = $"已任命 {Input.PersonName.Trim()} 为{Input.Title.Trim()}。";
        return Redirect($"/org/{id}");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid positionId, CancellationToken ct)
    {
        var outcome = await EndPosition.HandleAsync(Db, clock, positionId, new EndPositionRequest(), ct);
        if (outcome.Refusal(this) is { } end) return end;
        TempData["Flash"] = outcome.IsOk ? "已离任。" : outcome.Message ?? "操作未能完成。";
        return Redirect($"/org/{id}");
    }

    IActionResult Show()
    {
        ViewData["Title"] = "任命负责人";
        Crumbs(new Crumb(UnitName, $"/org/{Unit.Id}"), new Crumb("任命负责人"));
        return Page();
    }
}
