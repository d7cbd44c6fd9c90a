using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Pages;

/// <summary>The header's role switcher: remembers which of the user's own grants is current.</summary>
[Authorize]
public class SwitchModel(OrgScope scope) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(Guid grantId, string? returnUrl)
    {
        if (scope.Grants.All(g => g.Id != grantId)) return NotFound();
        Response.Cookies.Append(OrgScopeMiddleware.CurrentGrantCookie, grantId.ToString(),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(30) });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
