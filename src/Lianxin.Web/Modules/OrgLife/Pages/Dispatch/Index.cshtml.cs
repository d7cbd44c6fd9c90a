using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Dispatch;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Dispatch;

/// <summary>/orglife/dispatch: the communities' weekly dispatch meetings; staff open this week's (the agenda is pulled for them).</summary>
public class IndexModel(LianxinDb db, OrgDirectory org, DemandDirectory demands, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock) : PageModel
{
    [BindProperty] public DispatchMeetingInput Input { get; set; } = new();
    public List<DispatchMeetingRow> Rows { get; private set; } = [];
    public IReadOnlyList<OrgUnitRef> Communities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.HeldOn = clock.Today();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await CreateDispatchMeeting.HandleAsync(db, org, demands, pledges, projects, clock, Input, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"周调度会已创建：议程 {v.Agenda} 项，上次未办结事项结转 {v.CarriedOver} 项。";
            return Redirect($"/orglife/dispatch/{v.Id}");
        }, () => LoadAsync(ct));
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb("周调度") };
        var rows = await GetDispatchMeeting.ListAsync(db, org, ct);
        if (rows.Refusal(this) is { } end) return end;
        Rows = rows.Value!;
        Communities = (await org.InScopeAsync(ct, true, OrgKind.Community)).Where(c => db.Scope.Can(OrgLifeWorkPermissions.Dispatch, c.Path)).ToList();
        if (Input.CommunityId == Guid.Empty && Communities.Count > 0) Input.CommunityId = Communities[0].Id;
        return null;
    }
}
