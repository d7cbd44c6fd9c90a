using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Volunteering.Pages;

/// <summary>/volunteering/certificate: the printable 志愿服务记录证明 of the signed-in person's confirmed hours over a period.</summary>
public class CertificateModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    public VolunteerRecord? Record { get; private set; }
    public DateOnly IssuedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的志愿服务", "/volunteering/me"), new Platform.Shell.Crumb("志愿服务记录证明") };
        IssuedOn = clock.Today();
        var outcome = await MyRecord.HandleAsync(db, org, from ?? IssuedOn.AddYears(-1), to ?? IssuedOn, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Record = outcome.Value;
        return Page();
    }
}
