using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/scan?t=…: where the activity's QR code leads (after sign-in); one tap checks in, the next visit checks out.</summary>
public class ScanModel(LianxinDb db, MemberDirectory members, ScanCodes codes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? T { get; set; }
    public string? ActivityTitle { get; private set; }
    public bool CheckedIn { get; private set; }
    public ScanResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("扫码签到") };
        var view = await ReadScanCode.HandleAsync(db, codes, T, ct);
        if (view.Refusal(this) is { } end) return end;
        (ActivityTitle, CheckedIn) = (view.Value?.Title, view.Value?.CheckedIn ?? false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("志愿服务", "/volunteering"), new Platform.Shell.Crumb("扫码签到") };
        if (await Volunteers.CurrentAsync(db, members, ct) is not { } who) return Forbid();
        var outcome = await Scan.HandleAsync(db, codes, clock, T, who, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Result = outcome.Value;
        return Page();
    }
}
