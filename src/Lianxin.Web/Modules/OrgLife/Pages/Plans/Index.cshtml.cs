using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Plans;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Plans;

/// <summary>/orglife/plans: the branches' yearly plans; a branch generates its draft from the rules.</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public GeneratePlanInput Input { get; set; } = new();
    public List<PlanRow> Rows { get; private set; } = [];
    public IReadOnlyList<OrgUnitRef> Branches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Year = clock.Today().Year;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await GeneratePlan.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已按组织生活规则生成 {v.Meetings} 场会议的计划草稿，可逐项调整。";
            return Redirect($"/orglife/plans/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("年度计划") };
        var rows = await GetPlan.ListAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        Branches = (await org.InScopeAsync(ct, true, OrgKind.Branch)).Where(b => db.Scope.Can(OrgLifePermissions.Record, b.Path)).ToList();
        if (Input.BranchId == Guid.Empty && Branches.Count > 0) Input.BranchId = Branches[0].Id;
        return null;
    }
}
