using System.ComponentModel.DataAnnotations;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Pages;

[Authorize]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, OrgScope scope) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入当前密码。"), DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入新密码。"), DataType(DataType.Password)]
    public string New { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请再次输入新密码。"), DataType(DataType.Password), Compare(nameof(New), ErrorMessage = "两次输入的新密码不一致。")]
    public string Confirm { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByIdAsync(scope.UserId!.Value.ToString());
        if (user is null) return NotFound();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "密码已修改。";
        return Redirect("/");
    }
}
