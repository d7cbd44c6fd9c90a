using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages.Meetings;

/// <summary>/cobuilding/committees/{unit}/meetings/new: staff record a held meeting, with attendance for every seat in office.</summary>
public class NewModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    /// <summary>The decisions, one a line.</summary>
    [BindProperty] public string? Decisions { get; set; }
    public CommitteeDto Committee { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.HeldOn = clock.Today();
        var end = await LoadAsync(id, ct);
        if (end is null && !Committee.CanManage) return Forbid();
        return end ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Input.Decisions = (Decisions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new DecisionInput { Text = t }).ToList();
        return await (await RecordCommitteeMeeting.HandleAsync(db, org, clock, id, Input, ct)).ToPageAsync(this, v =>
        {
            TempData["Flash"] = "例会已登记。";
            return Redirect($"/cobuilding/meetings/{v.Id}");
        }, () => LoadAsync(id, ct));
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await GetCommittee.HandleAsync(db, org, clock, id, ct);
        if (c.Refusal(this) is { } end) return end;
        Committee = c.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(Committee.CommitteeName, $"/cobuilding/committees/{id}"),
            new Platform.Shell.Crumb("例会", $"/cobuilding/committees/{id}/meetings"), new Platform.Shell.Crumb("登记例会") };
        return null;
    }
}
