using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Modules.Demands.Open311.Pages;

/// <summary>
/// /demands/open311: the street's Open311 clients; issue a key (shown on this answer only, never stored) and revoke one.
/// The page answers the issuing POST itself instead of redirecting, so the key never travels in a cookie or a URL.
/// </summary>
public class ClientsModel(LianxinDb db, OrgDirectory org, TimeProvider clock) : PageModel
{
    [BindProperty] public IssueOpen311ClientRequest Input { get; set; } = new();

    public List<(Guid Id, string Name, string Code)> Streets { get; private set; } = [];
    public List<Open311ClientDto> Clients { get; private set; } = [];
    public Open311ClientIssued? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // One street (the usual case): the form has no choice to make.
        if (Input.StreetId == Guid.Empty && await Open311Clients.StreetsAsync(db, org, ct) is [var only]) Input.StreetId = only.Id;
        var outcome = await Open311Clients.IssueAsync(db, org, clock, Input, ct);
        // Issued or refused, the page shows again: with the new key once, or with the form's errors.
        if (outcome.Refusal(this, "Input") is { } end) return end;
        if (outcome.IsOk)
        {
            Issued = outcome.Value;
            Input = new IssueOpen311ClientRequest { StreetId = Input.StreetId };
        }
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var outcome = await Open311Clients.RevokeAsync(db, org, clock, id, ct);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已吊销“{v.Name}”的密钥，使用它的请求将被拒绝。";
            return Redirect("/demands/open311");
        }, async () => await LoadAsync(ct) ? Page() : Forbid(), "");
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        ViewData["Crumbs"] = new[] { new Crumb("群众诉求", "/demands"), new Crumb("Open311 接口") };
        if (!db.Scope.CanAnywhere(DemandPermissions.Open311Manage)) return false;
        Streets = (await Open311Clients.StreetsAsync(db, org, ct)).Select(s => (s.Id, s.ShortName.Replace("党工委", ""), s.Code)).ToList();
        if (Streets.Count == 0) return false;
        if (Input.StreetId == Guid.Empty) Input.StreetId = Streets[0].Id;
        var list = await Open311Clients.ListAsync(db, org, null, ct);
        Clients = list.Value ?? [];
        return true;
    }
}
