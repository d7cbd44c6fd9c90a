using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Platform.Identity.Users;

public record ResetPasswordRequest(string? NewPassword);

/// <summary>Disable, enable, reset password: they act on the whole account, so <see cref="UserRules.CheckAccount"/> guards all three.</summary>
public static class AccountActions
{
    /// <summary>A new security stamp with the flag: the cookie and every bearer token stop working on the next request.</summary>
    public static async Task<Outcome<UserDto>> SetDisabledAsync(Guid userId, bool disabled, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        if (await UserDirectory.FindAsync(db, userId, ct) is not { } found) return UserRules.UserNotFound;
        if (UserRules.CheckAccount(db.Scope, userId, found.Grants, disabled ? AccountAction.Disable : AccountAction.Enable) is { } refused) return refused;
        if (found.User.IsDisabled != disabled)
        {
            found.User.IsDisabled = disabled;
            var result = disabled ? await users.UpdateSecurityStampAsync(found.User) : await users.UpdateAsync(found.User);
            if (!result.Succeeded) return Failure.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return (await UserDirectory.ToDtosAsync(db, units, clock, [found.User], ct))[0];
    }

    public static async Task<Outcome<UserDto>> ResetPasswordAsync(Guid userId, ResetPasswordRequest request, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        if (await UserDirectory.FindAsync(db, userId, ct) is not { } found) return UserRules.UserNotFound;
        if (UserRules.CheckAccount(db.Scope, userId, found.Grants, AccountAction.ResetPassword) is { } refused) return refused;
        var errors = new Errors();
        if (string.IsNullOrEmpty(request.NewPassword)) errors.Fail("newPassword", "请输入新密码。");
        else foreach (var e in await GrantChecks.PasswordErrorsAsync(users, found.User, request.NewPassword)) errors.Fail("newPassword", e);
        if (errors.Any) return Failure.Invalid(errors);

        // Resetting also changes the security stamp, so sessions signed in with the old password end.
        var token = await users.GeneratePasswordResetTokenAsync(found.User);
        var result = await users.ResetPasswordAsync(found.User, token, request.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) errors.Fail("newPassword", e.Description);
            return Failure.Invalid(errors);
        }
        // Whoever asks an administrator for a new password is usually locked out: let them in again.
        if (found.User.LockoutEnd is not null) await users.SetLockoutEndDateAsync(found.User, null);
        return (await UserDirectory.ToDtosAsync(db, units, clock, [found.User], ct))[0];
    }
}
