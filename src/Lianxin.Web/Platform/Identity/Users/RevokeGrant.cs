using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Identity.Users;

public static class RevokeGrant
{
    public static async Task<Outcome<UserDto>> HandleAsync(Guid userId, Guid grantId, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        if (await UserDirectory.FindAsync(db, userId, ct) is not { } found) return UserRules.UserNotFound;
        if (found.Grants.FirstOrDefault(g => g.Id == grantId) is not { } grant) return (Failure.NotFound with { Message = "未找到该授权。" });
        if (UserRules.CheckRevoke(db.Scope, grant, found.Grants) is { } refused) return refused;

        db.RoleGrants.Remove(await db.RoleGrants.FirstAsync(g => g.Id == grant.Id, ct));
        await db.SaveChangesAsync(ct);
        return (await UserDirectory.ToDtosAsync(db, units, clock, [found.User], ct))[0];
    }
}
