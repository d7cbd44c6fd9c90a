using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/activities/{id}/edit: the organiser changes an activity before it starts, or calls it off with a reason.</summary>
public class ActivityEditModel(LianxinDb db, OrgDirectory org, ScanCodes codes, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public ActivityEdit Input { get; set; } = new();
    [BindProperty] public CancelForm CallOff { get; set; } = new();

    public class CancelForm
    {
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        await (await EditActivity.HandleAsync(db, clock, Id, Input, ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "活动已修改。";
            return Redirect($"/volunteering/activities/{Id}");
        }, () =>
        {
            // The edit form comes back as posted, with its errors.
            Crumbs(Input.Title);
            return Task.FromResult<IActionResult?>(null);
        });

    public async Task<IActionResult> OnPostCallOffAsync(CancellationToken ct) =>
        await (await CancelActivity.HandleAsync(db, clock, Id, new CancelActivityRequest(CallOff.Reason, CallOff.Version), ct)).ToPageAsync(this, _ =>
        {
            TempData["Flash"] = "活动已取消，已通知报名的志愿者。";
            return Redirect($"/volunteering/activities/{Id}");
        }, () => LoadAsync(ct), "CallOff");

    /// <summary>The activity as it is now, into the edit form.</summary>
    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await GetActivity.HandleAsync(db, org, codes, Id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        var a = outcome.Value!;
        if (!a.CanOrganise) return Forbid();
        var (from, to) = (ChinaTime.ToBeijing(a.StartsAt), ChinaTime.ToBeijing(a.EndsAt));
        Input = new ActivityEdit
        {
            UnitId = a.UnitId, TeamId = a.TeamId, Title = a.Title, Kind = a.Kind, Place = a.Place, Day = DateOnly.FromDateTime(from),
            From = TimeOnly.FromDateTime(from), To = TimeOnly.FromDateTime(to), Capacity = a.Capacity, Skills = a.Skills, Description = a.Description,
            Version = a.Version,
        };
        Crumbs(a.Title);
        return null;
    }

    void Crumbs(string title) => ViewData["Crumbs"] = new[]
    {
        new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb(title, $"/volunteering/activities/{Id}"), new Platform.Shell.Crumb("修改或取消"),
    };
}
