using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Agreements;

/// <summary>/cobuilding/agreements/new[?project=]: a project agreement (its parties' obligations prefilled) or an annual commitment.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public AgreementInput Input { get; set; } = new();
    public LoopChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? project, CancellationToken ct)
    {
        var today = clock.Today();
        (Input.SignedOn, Input.Year, Input.UnitId, Input.Kind) = (today, today.Year, db.Scope.Current?.OrgUnitId, AgreementKind.Annual);
        if (project is { } id && await GetProject.HandleAsync(db, org, id, ct) is { IsOk: true } p)
        {
            (Input.Kind, Input.ProjectId, Input.UnitId, Input.Title) = (AgreementKind.Project, id, p.Value!.UnitId, p.Value.Title + "共建协议");
            Input.Obligations = p.Value.Parties.Select(x => new ObligationInput { PartnerUnitId = x.Id, DueOn = p.Value.EndOn }).ToList();
        }
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await CreateAgreement.HandleAsync(db, org, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "协议已签订。";
            return Redirect($"/cobuilding/agreements/{v.Id}");
        }, () => LoadAsync(ct));

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共建协议", "/cobuilding/agreements"), new Platform.Shell.Crumb("签订协议") };
        var choices = await GetLoopChoices.HandleAsync(db, org, ct);
        if (choices.Refusal(this) is { } end) return end;
        Choices = choices.Value!;
        return Choices.CanManage ? null : Forbid();
    }
}
