using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/board/{communityId}: the public X贤榜 (names only as depositors chose to show them).</summary>
[AllowAnonymous]
public class BoardModel(LianxinDb db, OrgDirectory org) : PageModel
{
    public Board B { get; private set; } = new(Guid.Empty, "", []);

    public async Task<IActionResult> OnGetAsync(Guid communityId, CancellationToken ct)
    {
        var board = await GetBoard.HandleAsync(db, org, communityId, ct);
        if (board.Refusal(this) is { } end) return end;
        B = board.Value!;
        return Page();
    }
}
