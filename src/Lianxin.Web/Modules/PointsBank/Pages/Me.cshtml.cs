using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PointsBank.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Lianxin.Web.Modules.PointsBank.Pages;

/// <summary>/pointsbank/me: a depositor's points, the code a merchant scans (a QR, good for a few minutes), the statement.</summary>
public class MeModel(LianxinDb db, OrgDirectory org, DepositorCode codes) : PageModel
{
    public MyBank Bank { get; private set; } = new([], 0, []);
    public string Code { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public DateTime CodeExpiresAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Platform.Shell.Crumb("我的积分") };
        var bank = await GetMyBank.HandleAsync(db, org, ct);
        if (bank.Refusal(this) is { } end) return end;
        Bank = bank.Value!;
        var issued = codes.Issue(db.Scope.UserId!.Value);
        (Code, CodeExpiresAt) = (issued.Code, issued.ExpiresAt);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Code, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
        return Page();
    }

    public async Task<IActionResult> OnPostShowNameAsync(bool showName, CancellationToken ct) =>
        (await SetShowName.HandleAsync(db, new ShowNameRequest(showName), ct)).ToPage(this, _ => RedirectToPage());
}
