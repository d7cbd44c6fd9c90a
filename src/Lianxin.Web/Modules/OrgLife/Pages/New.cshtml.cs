using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/new: a branch secretary records a meeting (on a phone, often right after it); attendance follows on the next page.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];
    public IReadOnlyList<string> FixedItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(OrgLifePermissions.Record)) return Forbid();
        Input.Date = clock.Today();
        Input.StartTime = new TimeOnly(9, 0);
        Input.EndTime = new TimeOnly(10, 30);
        await LoadAsync(ct);
        Input.BranchId = Branches.Select(b => b.Id).FirstOrDefault(b => b == db.Scope.Current?.OrgUnitId, Branches.FirstOrDefault().Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreateMeeting.HandleAsync(db, org, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = "会议已登记，请登记出席情况。";
            if (v.Warnings.Count > 0) TempData["Warnings"] = string.Join("\n", v.Warnings);
            return Redirect($"/orglife/meetings/{v.Id}/attendance");
        }, () => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("登记会议") };
        Branches = (await org.InScopeAsync(ct, true, OrgKind.Branch)).Where(b => db.Scope.Can(OrgLifePermissions.Record, b.Path))
            .Select(b => (b.Id, b.DisplayName)).ToList();
        FixedItems = (await GetRules.HandleAsync(db, ct)).Value?.PartyDayItems ?? RuleBook.DefaultPartyDayItems;
    }
}
