using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Identity.Users;

public record GrantRoleRequest(string? Role, Guid? OrgUnitId);

public static class GrantRole
{
    public static async Task<Outcome<UserDto>> HandleAsync(Guid userId, GrantRoleRequest request, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        if (await UserDirectory.FindAsync(db, userId, ct) is not { } found) return UserRules.UserNotFound;
        var errors = new Errors();
        GrantChecks.Validate(request.Role, request.OrgUnitId, errors);
        if (errors.Any) return Failure.Invalid(errors);

        var target = await GrantChecks.ResolveAsync(db, units, request.Role!, request.OrgUnitId!.Value, ct);
        if (!target.IsOk) return target.AsFailure();
        var t = target.Value!;
        if (found.Grants.Any(g => g.Role == t.Role && g.OrgUnitId == t.UnitId))
            return Failure.Conflict($"该用户已在此组织担任“{t.Role.Chinese()}”。");

        db.RoleGrants.Add(new RoleGrant
        {
            UserId = userId, Role = t.Role, OrgUnitId = t.UnitId, OrgPath = t.Path,
            GrantedAt = clock.GetUtcNow().UtcDateTime, GrantedBy = db.Scope.UserId, TenantId = db.Scope.TenantId,
        });
        await db.SaveChangesAsync(ct);
        return (await UserDirectory.ToDtosAsync(db, units, clock, [found.User], ct))[0];
    }
}
