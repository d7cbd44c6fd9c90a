using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training: the training sessions and 月练兵 organised in scope, newest first.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org) : PageModel
{
    [BindProperty(SupportsGet = true)] public TrainingKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNo { get; set; } = 1;
    public Paged<TrainingRow> Rows { get; private set; } = new([], 0, 1, ListTrainings.PageSize);
    public bool CanOrganise { get; private set; }
    public string PagerUrl => $"/orglife/training?kind={Kind}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("培训与月练兵") };
        var rows = await ListTrainings.HandleAsync(db, org, Kind, PageNo, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        CanOrganise = db.Scope.CanAnywhere(TrainingPermissions.Organise);
        return Page();
    }
}
