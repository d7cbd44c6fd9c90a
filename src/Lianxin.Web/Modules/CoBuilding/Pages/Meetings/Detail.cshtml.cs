using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Meetings;

/// <summary>/cobuilding/meetings/{id}: a meeting's agenda, attendance, minutes and decisions; staff turn a decision into a pledge.</summary>
public class DetailModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public PledgeDecisionRequest Pledge { get; set; } = new();
    public MeetingDetail Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPledgeAsync(Guid id, Guid decisionId, CancellationToken ct) =>
        await (await PledgeDecision.HandleAsync(db, org, clock, decisionId, Pledge, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "已转为为民办实事承诺草稿，请到“为民办实事”核对后发布。";
            return Redirect($"/cobuilding/meetings/{id}");
        }, () => LoadAsync(id, ct), "Pledge");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await GetCommitteeMeeting.HandleAsync(db, org, id, ct);
        if (m.Refusal(this) is { } end) return end;
        Meeting = m.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(Meeting.CommitteeName, $"/cobuilding/committees/{Meeting.CommitteeUnitId}"),
            new Platform.Shell.Crumb("例会", $"/cobuilding/committees/{Meeting.CommitteeUnitId}/meetings"), new Platform.Shell.Crumb(Meeting.HeldOn.ToString("yyyy-MM-dd")) };
        return null;
    }
}
