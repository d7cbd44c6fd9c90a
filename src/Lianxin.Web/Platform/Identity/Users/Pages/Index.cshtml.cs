using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Users.Pages;

public class UsersIndexModel(LianxinDb db, IUnitDirectory units, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // Read by hand: Razor Pages keeps the route value "page" for the page's own path.
    int PageNumber => int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
    int PageSize => int.TryParse(Request.Query["pageSize"], out var s) && s > 0 ? s : 20;
    public PageOf<UserDto> Result { get; private set; } = new([], 0, 1, 20);
    public int Pages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return Forbid();
        var outcome = await ListUsers.HandleAsync(new(Q, PageNumber, PageSize), db, units, clock, ct);
        Result = outcome.Value!;
        return Page();
    }
}
