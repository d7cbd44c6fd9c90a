using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.OrgLife.Pages.Training;

/// <summary>/orglife/training/scan?t=…: where a session's QR code leads (after sign-in); one tap signs the member in as themselves.</summary>
public class ScanModel(LianxinDb db, MemberDirectory members, TrainingCodes codes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? T { get; set; }
    public ScanView? View { get; private set; }
    public SignedIn? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训签到") };
        var view = await SignInByCode.ReadAsync(db, members, codes, T, ct);
        if (view.Refusal(this) is { } end) return end;
        View = view.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("培训签到") };
        var outcome = await SignInByCode.HandleAsync(db, members, codes, clock, T, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Result = outcome.Value;
        return Page();
    }
}
