using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Pledges.Pages;

/// <summary>/public/board/{orgUnitId}: 为民解忧榜, anonymous, phone-readable and printable.</summary>
[AllowAnonymous]
public class BoardModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public PledgeStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public PledgeOwner? Owner { get; set; }
    public Board B { get; private set; } = null!;
    public Guid UnitId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid orgUnitId, CancellationToken ct)
    {
        UnitId = orgUnitId;
        var b = await PledgeQueries.BoardAsync(db, org, clock, orgUnitId, Status, Owner, ct);
        if (b is null) return NotFound();
        B = b;
        return Page();
    }
}
