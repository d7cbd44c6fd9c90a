using Lianxin.Web.Platform.Units;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Identity.Users;

public static class GetUser
{
    public static async Task<Outcome<UserDto>> HandleAsync(Guid id, LianxinDb db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        if (!UserRules.MayManageUsers(db.Scope)) return (Failure.Forbidden with { Message = "您没有用户管理权限。" });
        if (await UserDirectory.FindAsync(db, id, ct) is not { } found) return UserRules.UserNotFound;
        return (await UserDirectory.ToDtosAsync(db, units, clock, [found.User], ct))[0];
    }
}
