using Lianxin.Web.Modules.Mediation.Contracts;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Mediation.Pages;

/// <summary>/mediation/new: the community registers a dispute, its parties and its team (two parties and three team places on the form).</summary>
public class NewModel(LianxinDb db, OrgDirectory org, PersonalData personal, TimeProvider clock) : PageModel
{
    [BindProperty] public OpenCaseRequest Input { get; set; } = new();
    public IReadOnlyList<OrgUnitRef> Communities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Parties = [new() { Side = PartySide.Applicant }, new() { Side = PartySide.Respondent }];
        Input.Team = [new() { Duty = TeamDuty.Judge }, new() { Duty = TeamDuty.Mediator }, new() { Duty = TeamDuty.Volunteer }];
        await LoadAsync(ct);
        return Communities.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await OpenCase.HandleAsync(db, org, personal, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"调解案件 {v.CaseNo} 已登记。";
            return Redirect($"/mediation/cases/{v.Id}");
        }, () => LoadAsync(ct));

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("矛盾调解", "/mediation"), new Platform.Shell.Crumb("登记调解案件") };
        Communities = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(c => db.Scope.Can(MediationPermissions.Open, c.Path)).ToList();
    }
}
