using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/arrears: the street's (or community's) desk view of who owes which meetings.</summary>
public class ArrearsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public ArrearsReport? Report { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("欠账情况") };
        var report = await GetArrears.HandleAsync(db, org, clock, Unit, From, To, ct);
        if (report.Refusal(this) is { } end) return end;
        Report = report.Value;
        Units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community)).Select(u => (u.Id, u.DisplayName)).ToList();
        return Page();
    }
}
