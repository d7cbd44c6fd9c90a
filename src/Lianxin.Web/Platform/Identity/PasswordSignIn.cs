using Lianxin.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Platform.Identity;

public record SignInOutcome(bool Succeeded, string Message);

/// <summary>One sign-in for pages (cookie) and the API (bearer token), logging every attempt.</summary>
public class PasswordSignIn(SignInManager<AppUser> signInManager, UserManager<AppUser> users, SecurityLog log)
{
    public const string WrongPassword = "用户名或密码不正确。";
    public const string LockedOut = "登录失败次数过多，账号已锁定 15 分钟。";
    public const string Disabled = "账号已停用，请联系管理员。";

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string scheme)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await log.WriteAsync(AuditAction.SignInFailed, userName, detail: "未知用户");
            return new(false, WrongPassword);
        }
        if (user.IsDisabled)
        {
            await log.WriteAsync(AuditAction.SignInFailed, user.UserName!, user.Id, user.TenantId, "账号已停用");
            return new(false, Disabled);
        }
        signInManager.AuthenticationScheme = scheme;
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await log.WriteAsync(AuditAction.SignIn, user.UserName!, user.Id, user.TenantId, scheme == IdentityConstants.BearerScheme ? "令牌" : "网页");
            return new(true, "");
        }
        if (result.IsLockedOut)
        {
            await log.WriteAsync(AuditAction.LockedOut, user.UserName!, user.Id, user.TenantId);
            return new(false, LockedOut);
        }
        await log.WriteAsync(AuditAction.SignInFailed, user.UserName!, user.Id, user.TenantId, "密码错误");
        return new(false, WrongPassword);
    }
}
