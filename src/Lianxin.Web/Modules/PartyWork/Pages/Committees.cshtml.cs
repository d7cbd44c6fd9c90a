using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/committees: the street's list of committees and terms (换届提醒), 6- and 3-month expiries highlighted.</summary>
public class CommitteesModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public ExpiryFilter Show { get; set; } = ExpiryFilter.Due;
    public ExpiryList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("支部班子与换届") };
        var list = await ListExpiries.HandleAsync(db, org, clock, Unit, Show, ct);
        if (list.Refusal(this) is { } end) return end;
        List = list.Value!;
        return Page();
    }
}
