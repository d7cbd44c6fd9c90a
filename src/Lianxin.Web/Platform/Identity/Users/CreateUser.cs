using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity.Users;

public record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string? Role, Guid? OrgUnitId);

/// <summary>A new account always starts with one grant, so it is visible to the manager who made it.</summary>
public static class CreateUser
{
    public static async Task<Outcome<UserDto>> HandleAsync(CreateUserRequest request, LianxinDb db, IUnitDirectory units, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        var userName = request.UserName?.Trim() ?? "";
        var displayName = request.DisplayName?.Trim() ?? "";
        var errors = new Errors();
        if (userName.Length == 0) errors.Fail("userName", "请输入用户名。");
        else if (userName.Length > 50) errors.Fail("userName", "用户名不能超过 50 个字符。");
        else if (userName.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c))) errors.Fail("userName", "用户名只能包含字母、数字和 -._@ 字符。");
        if (displayName.Length == 0) errors.Fail("displayName", "请输入姓名。");
        else if (displayName.Length > 100) errors.Fail("displayName", "姓名不能超过 100 个字符。");
        if (string.IsNullOrEmpty(request.Password)) errors.Fail("password", "请输入初始密码。");
        GrantChecks.Validate(request.Role, request.OrgUnitId, errors);
        if (errors.Any) return Failure.Invalid(errors);

        var target = await GrantChecks.ResolveAsync(db, units, request.Role!, request.OrgUnitId!.Value, ct);
        if (!target.IsOk) return target.AsFailure();

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = userName, DisplayName = displayName, TenantId = db.Scope.TenantId, CreatedAt = now };
        if (await users.FindByNameAsync(userName) is not null) errors.Fail("userName", $"用户名“{userName}”已被使用。");
        foreach (var e in await GrantChecks.PasswordErrorsAsync(users, user, request.Password!)) errors.Fail("password", e);
        if (errors.Any) return Failure.Invalid(errors);

        // The account and its first grant are one change: both or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors) errors.Fail(e.Code.Contains("Password") ? "password" : "userName", e.Description);
            return Failure.Invalid(errors);
        }
        db.RoleGrants.Add(new RoleGrant
        {
            UserId = user.Id, Role = target.Value!.Role, OrgUnitId = target.Value.UnitId, OrgPath = target.Value.Path,
            GrantedAt = now, GrantedBy = db.Scope.UserId, TenantId = db.Scope.TenantId,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await UserDirectory.ToDtosAsync(db, units, clock, [user], ct))[0];
    }
}
