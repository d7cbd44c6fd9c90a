using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity.Users;

/// <summary>The checks creating a user and adding a grant share: a role and a unit the manager may grant at.</summary>
static class GrantChecks
{
    public record Target(Role Role, Guid UnitId, string Path);

    public static void Validate(string? role, Guid? orgUnitId, Errors errors)
    {
        if (!UserDirectory.TryParseRole(role, out _)) errors.Fail("role", "请选择角色。");
        if (orgUnitId is null || orgUnitId == Guid.Empty) errors.Fail("orgUnitId", "请选择组织。");
    }

    /// <summary>After <see cref="Validate"/> passed: the unit must lie in the manager's subtrees (else 404), be active, and the role be grantable there (else 403).</summary>
    public static async Task<Outcome<Target>> ResolveAsync(LianxinDb db, IUnitDirectory units, string role, Guid orgUnitId, CancellationToken ct)
    {
        UserDirectory.TryParseRole(role, out var r);
        var unit = await units.FindAsync(orgUnitId, ct);
        if (unit is null) return (Failure.NotFound with { Message = "未找到该组织。" });
        if (UserRules.CheckGrant(db.Scope, r, unit.Path, unit.Name) is { } refused) return refused;
        if (!unit.Active) return Failure.Conflict($"“{unit.Name}”已撤销，不能在此授予角色。");
        if (r == Role.CompoundSecretary && !unit.CompoundBranch) return Failure.Invalid("orgUnitId", $"“{unit.Name}”不是小区党支部，不能授予小区党支部书记角色。");
        return new Target(r, orgUnitId, unit.Path);
    }

    public static async Task<List<string>> PasswordErrorsAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<string>();
        foreach (var v in users.PasswordValidators)
        {
            var result = await v.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors.Distinct().ToList();
    }
}
