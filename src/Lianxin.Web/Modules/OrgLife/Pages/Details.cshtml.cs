using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages;

/// <summary>/orglife/meetings/{id}: a meeting, its 4+N items and attendance; cancelling it, and the street's approval of a late entry.</summary>
public class DetailsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public CancelMeetingRequest Cancel { get; set; } = new();
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];
    public MeetingDetail Meeting { get; private set; } = null!;
    public IReadOnlyList<Guid> PhotoIds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await (await CancelMeeting.HandleAsync(db, clock, id, Cancel, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "会议已取消。";
            return Redirect($"/orglife/meetings/{id}");
        }, () => LoadAsync(id, ct), "Cancel");

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await (await ApproveLateEntry.HandleAsync(db, clock, id, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "补录记录已审核通过。";
            return Redirect($"/orglife/meetings/{id}");
        }, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostPhotosAsync(Guid id, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUpload.ReadAsync(Photos, ct);
        var outcome = errors.Any ? Failure.Invalid(errors) : await MeetingPhotos.AddAsync(db, clock, id, photos, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已上传 {v.Ids.Count} 张会议照片。";
            return Redirect($"/orglife/meetings/{id}#photos");
        }, () => LoadAsync(id, ct), "");
    }

    async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var m = await GetMeeting.HandleAsync(db, org, id, ct);
        if (m.Refusal(this) is { } end) return end;
        Meeting = m.Value!;
        PhotoIds = await MeetingPhotos.IdsAsync(db, id, ct);
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("组织生活", "/orglife"), new Platform.Shell.Crumb(Meeting.Topic) };
        return null;
    }
}
