using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Pages;

[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn, SecurityLog log, OrgScope scope) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (scope.IsSignedIn) await log.WriteAsync(Audit.AuditAction.SignOut, scope.UserName, scope.UserId, scope.TenantId);
        await signIn.SignOutAsync();
        Response.Cookies.Delete(OrgScopeMiddleware.CurrentGrantCookie);
        return Redirect("/account/login");
    }
}
