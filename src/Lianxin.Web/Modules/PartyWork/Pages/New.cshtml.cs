using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Contracts;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.PartyWork.Pages;

/// <summary>/partywork/recruits/new: a branch registers an application for membership, possibly one that came with a resident's demand.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, MemberDirectory members, DemandDirectory demands, PersonalData pd, TimeProvider clock) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    /// <summary>?demand=受理编号: started from a resident's demand.</summary>
    [BindProperty(SupportsGet = true)] public string? Demand { get; set; }
    public IReadOnlyList<OrgUnitRef> Branches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.AppliedOn = clock.Today();
        Input.DemandTicketNo = Demand;
        if (Demand is not null) Input.Source = "群众诉求";
        await LoadAsync(ct);
        Input.BranchId = Branches.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await (await RegisterApplication.HandleAsync(db, org, members, demands, pd, clock, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "入党申请已登记。";
            return Redirect($"/partywork/recruits/{v.Id}");
        }, () => LoadAsync(ct));

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("发展党员", "/partywork"), new Platform.Shell.Crumb("登记入党申请") };
        Branches = (await org.InScopeAsync(ct, true, OrgKind.Branch)).Where(u => db.Scope.Can(PartyWorkPermissions.Manage, u.Path)).ToList();
    }
}
