using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Pledges.Pages;

/// <summary>/pledges/mine: a member's own pledges (党员承诺) with where each stands, and the way to enter a new one.</summary>
public class MineModel(LianxinDb db, MemberDirectory members) : PageModel
{
    public List<OwnPledgeRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的党员身份", "/members/me"), new Platform.Shell.Crumb("我的承诺") };
        var rows = await ListMyPledges.HandleAsync(db, members, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        return Page();
    }
}
