using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity;

/// <summary>How a sign-in went: <see cref="RetryAfter"/> when the client is throttled; on success the failures the owner should hear of.</summary>
public record SignInOutcome(bool Succeeded, string Message, TimeSpan? RetryAfter = null, int FailuresSinceLastSignIn = 0);

/// <summary>
/// One sign-in for pages (cookie) and the API (bearer token), logging every attempt. An unknown user, a wrong password
/// and a locked account cost the same password check and get the same answer, so neither timing nor text tells a
/// stranger which accounts exist (ADR 0027). A client that keeps failing is throttled before the account locks.
/// </summary>
public class PasswordSignIn(SignInManager<AppUser> signInManager, UserManager<AppUser> users, SecurityLog log, SignInThrottle throttle,
    LianxinDb db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Refused = "用户名或密码不正确，或账号因连续登录失败已暂时锁定（15 分钟后可再试）。";
    public const string Disabled = "账号已停用，请联系管理员。";
    public const string Throttled = "本机登录失败次数过多，请 {0} 分钟后再试。";
    public const string FailuresNotice = "自上次登录以来，有 {0} 次失败的登录尝试。如果不是您本人所为，请立即修改密码。";

    // A hash made once with this app's hasher settings, checked for unknown and locked accounts: the same work as a real check.
    static string? dummyHash;

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string scheme)
    {
        // No account name is longer than 50 characters (CreateUser); a megabyte would only overflow the throttle key and the
        // audit line (200 characters each), so it is cut to what no account can match.
        userName = userName.Trim() is { Length: > 100 } tooLong ? tooLong[..100] : userName.Trim();
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.WaitAsync(client, userName) is { } wait)
            return new(false, Throttled, wait); // not in the audit chain: a flood of refusals must not flood the log

        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            SpendOneCheck(password);
            await throttle.CountFailureAsync(client, userName);
            if (user is null) await log.WriteAsync(AuditAction.SignInFailed, userName, detail: "未知用户");
            else await log.WriteAsync(AuditAction.LockedOut, user.UserName!, user.Id, user.TenantId);
            return new(false, Refused);
        }
        if (user.IsDisabled)
        {
            // Said only to whoever knows the password; anyone else hears what a wrong password hears.
            var right = await users.CheckPasswordAsync(user, password);
            if (!right) await throttle.CountFailureAsync(client, userName);
            await log.WriteAsync(AuditAction.SignInFailed, user.UserName!, user.Id, user.TenantId, right ? "账号已停用" : "账号已停用，密码错误");
            return new(false, right ? Disabled : Refused);
        }
        signInManager.AuthenticationScheme = scheme;
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var failures = await FailuresSinceLastSignInAsync(user);
            if (failures > 0) TellOwner(user, failures);
            await log.WriteAsync(AuditAction.SignIn, user.UserName!, user.Id, user.TenantId, scheme == IdentityConstants.BearerScheme ? "令牌" : "网页");
            return new(true, "", FailuresSinceLastSignIn: failures);
        }
        await throttle.CountFailureAsync(client, userName);
        if (result.IsLockedOut) await log.WriteAsync(AuditAction.LockedOut, user.UserName!, user.Id, user.TenantId);
        else await log.WriteAsync(AuditAction.SignInFailed, user.UserName!, user.Id, user.TenantId, "密码错误");
        return new(false, Refused);
    }

    void SpendOneCheck(string password)
    {
        var hasher = users.PasswordHasher;
        dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), dummyHash, password);
    }

    /// <summary>Failed attempts on this account (wrong passwords, tries while locked) logged since its last successful sign-in.</summary>
    async Task<int> FailuresSinceLastSignInAsync(AppUser user)
    {
        var tenant = TenantOf(user);
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.TenantId == tenant && e.Entity == "Account" && e.EntityId == user.UserName);
        var last = await entries.Where(e => e.Action == AuditAction.SignIn).MaxAsync(e => (DateTime?)e.At);
        return await entries.CountAsync(e => (e.Action == AuditAction.SignInFailed || e.Action == AuditAction.LockedOut) && (last == null || e.At > last));
    }

    /// <summary>In the owner's inbox, whichever way they signed in; saved with the sign-in's log entry.</summary>
    void TellOwner(AppUser user, int failures)
    {
        var notice = Outbox.Notify(db, clock, new NotificationMessage("登录安全提醒", string.Format(FailuresNotice, failures),
            "/account/change-password", "identity.sign-in-failures", RecipientUserId: user.Id));
        notice.TenantId = TenantOf(user);
    }

    Guid TenantOf(AppUser user) => user.TenantId != Guid.Empty ? user.TenantId : db.Scope.TenantId;
}
