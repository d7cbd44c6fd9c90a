using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Pledges.Pages;

public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public CreatePledgeRequest Input { get; set; } = new();
    public List<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.OrgUnitId = db.Scope.Current?.OrgUnitId ?? Guid.Empty;
        Input.Tasks = [new(), new(), new()];
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await CreatePledge.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "承诺事项已创建。";
            return Redirect($"/pledges/{v.Id}");
        }, async () =>
        {
            while (Input.Tasks.Count < 3) Input.Tasks.Add(new());
            await LoadAsync(ct);
        });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("为民办实事", "/pledges"), new Platform.Shell.Crumb("新建承诺事项") };
        var units = (await org.InScopeAsync(ct, true, OrgKind.District, OrgKind.Street, OrgKind.Community, OrgKind.Branch)).Take(300);
        Units = units.Where(u => db.Scope.Can(PledgePermissions.PledgeManage, u.Path)).Select(u => (u.Id, u.ShortName)).ToList();
    }
}
