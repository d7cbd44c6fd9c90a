using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Users.Pages;

public class UserNewModel(LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public Guid? OrgUnitId { get; set; }
    public GrantFields Fields { get; private set; } = new([], [], null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return Forbid();
        ModelState.Clear(); // the use case validates, in Chinese
        var outcome = await CreateUser.HandleAsync(new(UserName, DisplayName, Password, Role, OrgUnitId), db, units, users, clock, ct);
        // An out-of-scope unit, or a role one may not grant there, is an error on this form, not a missing or forbidden page.
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden) outcome = Failure.Invalid("", outcome.Message!);
        return await outcome.ToPageAsync(this, v =>
        {
            TempData["Flash"] = $"已创建用户“{v.DisplayName}”。";
            return Redirect($"/users/{v.Id}");
        }, () => LoadAsync(ct), "");
    }

    async Task LoadAsync(CancellationToken ct) =>
        Fields = new(UserDirectory.GrantableRoles(db.Scope), await UserDirectory.ManagedUnitsAsync(db, units, ct), Role, OrgUnitId);
}
