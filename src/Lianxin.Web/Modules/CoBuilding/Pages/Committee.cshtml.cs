using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.CoBuilding.Pages;

/// <summary>/cobuilding/committees/{unit}: a street's 大工委 or a community's 大党委, its current seats; staff add and end seats.</summary>
public class CommitteeModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public AddSeatRequest Input { get; set; } = new();
    [BindProperty] public EndSeatRequest End { get; set; } = new();
    public CommitteeDto Committee { get; private set; } = null!;
    /// <summary>This year's meetings, for the 欠开 hint.</summary>
    public MeetingYear? Meetings { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.TermFrom = clock.Today();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) =>
        await (await AddSeat.HandleAsync(db, org, id, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "席位已增补。";
            return Redirect($"/cobuilding/committees/{id}");
        }, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid seatId, CancellationToken ct) =>
        await (await EndSeat.HandleAsync(db, seatId, End, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "席位任期已结束。";
            return Redirect($"/cobuilding/committees/{id}");
        }, () => LoadAsync(id, ct), "End");

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var c = await GetCommittee.HandleAsync(db, org, clock, id, ct);
        if (c.Refusal(this) is { } end) return end;
        Committee = c.Value!;
        Meetings = (await ListCommitteeMeetings.HandleAsync(db, org, clock, id, null, ct)).Value;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("共驻共建", "/cobuilding"), new Platform.Shell.Crumb(Committee.CommitteeName) };
        return null;
    }
}
