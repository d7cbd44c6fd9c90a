using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Platform.Identity;

/// <summary>
/// Length over composition rules, and a list of passwords everyone tries first (NIST SP 800-63B). At most
/// <see cref="MaxLength"/> characters: NIST asks for at least 64, and a megabyte would cost a PBKDF2 hash of it on every sign-in.
/// </summary>
public class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    static readonly Lazy<HashSet<string>> List = new(() =>
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Lianxin.Web.Platform.Identity.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public const int MaxLength = 128;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is { Length: > MaxLength })
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"密码不能超过 {MaxLength} 个字符。" }));
        if (password is not null && (IsCommon(password) || string.Equals(password, user.UserName, StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "该密码过于常见或与用户名相同，请换一个更难猜的密码。" }));
        return Task.FromResult(IdentityResult.Success);
    }
}
