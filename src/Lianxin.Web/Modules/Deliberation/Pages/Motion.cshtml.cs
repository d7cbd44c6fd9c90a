using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Deliberation.Pages;

/// <summary>/deliberation/motions/{id}: a motion, the meetings of each level, and the form for the meeting of the level handling it.</summary>
public class MotionModel(LianxinDb db, OrgDirectory org, PersonalData pd, TimeProvider clock) : PageModel
{
    [BindProperty] public RecordMeetingRequest Input { get; set; } = new();
    public MotionDetail M { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.HeldOn = clock.Today();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await (await RecordMeeting.HandleAsync(db, org, clock, id, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = v.Result == Domain.MeetingResult.Settled ? "议事会记录已保存，议题已议定。"
                : v.State == Domain.MotionState.Open ? $"议事会记录已保存，议题已提交{Domain.MotionRules.Council(v.Level)}。" : "议事会记录已保存，议题未能议定，已终结。";
            return Redirect($"/deliberation/motions/{id}");
        }, () => LoadAsync(id, ct));

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await MotionQueries.DetailAsync(db, org, pd, id, ct);
        if (m.Refusal(this) is { } end) return end;
        M = m.Value!;
        if (Input.Version == 0) Input.Version = M.Version;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("三级议事", "/deliberation"), new Platform.Shell.Crumb(M.Title) };
        return null;
    }
}
