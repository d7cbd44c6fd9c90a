using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lianxin.Web.Platform.Identity.Users.Pages;

public class UserDetailModel(LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public Guid? OrgUnitId { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public UserDto Account { get; private set; } = null!;
    public GrantFields Fields { get; private set; } = new([], [], null, null);
    public bool IsSelf => Account.Id == db.Scope.UserId;
    /// <summary>Why the account actions are not offered (the account holds a role the manager could not grant), or null.</summary>
    public string? AccountOutOfReach { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostGrantAsync(Guid id, CancellationToken ct) =>
        Act(id, "已授予角色。", () => GrantRole.HandleAsync(id, new(Role, OrgUnitId), db, units, clock, ct), ct, unitErrorsOnForm: true);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, Guid grantId, CancellationToken ct) =>
        Act(id, "已撤销该角色。", () => RevokeGrant.HandleAsync(id, grantId, db, units, clock, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        Act(id, "账号已停用，该用户已被强制退出。", () => AccountActions.SetDisabledAsync(id, true, db, units, users, clock, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        Act(id, "账号已启用。", () => AccountActions.SetDisabledAsync(id, false, db, units, users, clock, ct), ct);

    public Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken ct) =>
        Act(id, "密码已重置，请告知本人尽快修改。", () => AccountActions.ResetPasswordAsync(id, new(NewPassword), db, units, users, clock, ct), ct);

    async Task<IActionResult> Act(Guid id, string done, Func<Task<Outcome<UserDto>>> work, CancellationToken ct, bool unitErrorsOnForm = false)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return Forbid();
        ModelState.Clear();
        var outcome = await work();
        if (outcome.IsOk)
        {
            TempData["Flash"] = done;
            return Redirect($"/users/{id}");
        }
        // A unit outside the manager's subtrees is an error on the grant form; an unseen user is a 404.
        if (unitErrorsOnForm && outcome.Kind == OutcomeKind.NotFound && outcome.Message != UserRules.UserNotFound.Message)
            ModelState.AddModelError("", outcome.Message!);
        else if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        // A refusal here is about the role or unit chosen, so it stays on the form, with its status code below.
        else outcome.CopyTo(ModelState, "");
        Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return await ShowAsync(id, ct, keepStatus: true);
    }

    async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, bool keepStatus = false)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return Forbid();
        var outcome = await GetUser.HandleAsync(id, db, units, clock, ct);
        if (outcome.Refusal(this) is { } end) return end;
        Account = outcome.Value!;
        if (!IsSelf && await UserDirectory.FindAsync(db, id, ct) is { } found
            && UserRules.CheckAccount(db.Scope, id, found.Grants, AccountAction.Disable) is { Kind: OutcomeKind.Forbidden } beyond)
            AccountOutOfReach = beyond.Message;
        Fields = new(UserDirectory.GrantableRoles(db.Scope), await UserDirectory.ManagedUnitsAsync(db, units, ct), Role, OrgUnitId);
        return Page();
    }
}
