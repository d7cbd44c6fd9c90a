using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/activities/{id}: sign up or withdraw on a phone; the organiser's check-in code, attendees, check-in and hours.</summary>
public class ActivityModel(LianxinDb db, OrgDirectory org, MemberDirectory members, ScanCodes codes, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public ConfirmHoursRequest Confirm { get; set; } = new();
    [BindProperty] public AddAttendeeRequest Add { get; set; } = new();
    public ActivityDetail? Activity { get; private set; }
    public bool CanSelf { get; private set; }
    public bool NotStarted => Activity!.StartsAt > clock.GetUtcNow().UtcDateTime;
    public bool Started => !NotStarted;
    public string ScanUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await GetActivity.HandleAsync(db, org, codes, Id, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Activity = outcome.Value!;
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb(Activity.Title) };
        CanSelf = db.Scope.CanAnywhere(VolunteeringPermissions.Self);
        if (Activity.ScanToken is { } token)
        {
            ScanUrl = $"{Request.Scheme}://{Request.Host}{ScanCodes.PathFor(token)}";
            QrSvg = ScanCodes.Svg(ScanUrl);
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostSignUpAsync(CancellationToken ct) => AsVolunteerAsync((who, c) => SignUp.HandleAsync(db, clock, Id, who, c),
        v => v.Status == Domain.SignupStatus.Confirmed ? "报名成功。" : "名额已满，您已进入候补名单，有人取消时自动递补。", ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => AsVolunteerAsync((who, c) => CancelSignup.HandleAsync(db, clock, Id, who, c), _ => "已取消报名。", ct);

    public async Task<IActionResult> OnPostCheckInAsync(Guid signup, CancellationToken ct) =>
        await DoneAsync(await CheckIn.HandleAsync(db, clock, signup, false, ct), v => $"{v.Name} 已签到。", ct);

    public async Task<IActionResult> OnPostCheckOutAsync(Guid signup, CancellationToken ct) =>
        await DoneAsync(await CheckIn.HandleAsync(db, clock, signup, true, ct), v => $"{v.Name} 已签退。", ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid signup, CancellationToken ct) =>
        await DoneAsync(await ConfirmHours.HandleAsync(db, clock, signup, Confirm, ct), v => $"已确认 {v.Name} 的服务时长 {v.Minutes} 分钟。", ct, "Confirm");

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await DoneAsync(await AddAttendee.HandleAsync(db, members, clock, Id, Add, ct), _ => "已现场登记。", ct, "Add");

    async Task<IActionResult> AsVolunteerAsync(Func<Volunteer, CancellationToken, Task<Outcome<SignupSaved>>> act, Func<SignupSaved, string> flash, CancellationToken ct)
    {
        if (await Volunteers.CurrentAsync(db, members, ct) is not { } who) return Forbid();
        return await DoneAsync(await act(who, ct), flash, ct);
    }

    Task<IActionResult> DoneAsync<T>(Outcome<T> outcome, Func<T, string> flash, CancellationToken ct, string prefix = "") =>
        outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = flash(v);
            return Redirect($"/volunteering/activities/{Id}");
        }, () => LoadAsync(ct), prefix);
}
