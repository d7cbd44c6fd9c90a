using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Pages;

[AllowAnonymous]
public class LoginModel(PasswordSignIn signIn, Text t) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名。"), Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码。"), DataType(DataType.Password), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.SignInAsync(UserName, Password, IdentityConstants.ApplicationScheme);
        if (outcome.Succeeded)
        {
            // Shown once, on the page the user lands on; the same notice also waits in their inbox.
            if (outcome.FailuresSinceLastSignIn > 0) TempData["Warning"] = string.Format(t[PasswordSignIn.FailuresNotice], outcome.FailuresSinceLastSignIn);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (outcome.RetryAfter is { } wait)
        {
            TooManyRequests.Mark(Response, wait);
            ModelState.AddModelError("", string.Format(t[outcome.Message], (int)Math.Ceiling(wait.TotalMinutes)));
        }
        else ModelState.AddModelError("", t[outcome.Message]);
        return Page();
    }
}
