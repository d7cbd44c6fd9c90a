using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/rectifications/new: the street marks a unit for rectification with its reasons, helping leader and tasks.</summary>
public class RectificationNewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public const int TaskRows = 5;
    [BindProperty] public RectificationInput Input { get; set; } = new();
    public IReadOnlyList<OrgUnitRef> Units { get; private set; } = [];
    public IReadOnlyList<RectifyCriterion> Criteria { get; private set; } = [];

    public async Task OnGetAsync(Guid? unit, string[] reason, CancellationToken ct)
    {
        Input.UnitId = unit;
        Input.ReasonCodes = [.. reason];
        Input.StartedOn = clock.Today();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await StartRectification.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "已列为整顿对象。";
            return Redirect($"/partywork/rectifications/{v.Id}");
        }, () => LoadAsync(ct));

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("整顿提升", "/partywork/rectifications"), new Platform.Shell.Crumb("确定整顿对象") };
        Units = (await org.InScopeAsync(ct, true, OrgKind.Community, OrgKind.Branch)).Where(u => db.Scope.Can(PartyWorkPermissions.Rectify, u.Path)).ToList();
        Criteria = (await RectifyCriteria.AllAsync(db, ct)).Where(c => c.Active).ToList();
        while (Input.Tasks.Count < TaskRows) Input.Tasks.Add(new TaskInput());
    }
}
