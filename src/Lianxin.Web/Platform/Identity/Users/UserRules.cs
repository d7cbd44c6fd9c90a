using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Platform.Identity.Users;

/// <summary>
/// Who may manage which accounts and grants. Every user-management use case asks here, so the rules live
/// in one place: a manager acts in the subtrees where they hold <see cref="Permission.UserManage"/>, grants
/// only roles their own role may grant there, and may not lock themselves out.
/// </summary>
public static class UserRules
{
    public static readonly Failure UserNotFound = Failure.NotFound with { Message = "未找到该用户。" };

    /// <summary>Subtree roots where the caller manages users; empty when they manage nowhere.</summary>
    public static string[] ManagedRoots(OrgScope scope) => scope.Unrestricted
        ? ["/"]
        : scope.RootsWith(Permission.UserManage);

    public static bool MayManageUsers(OrgScope scope) => scope.CanAnywhere(Permission.UserManage);

    public static bool Manages(OrgScope scope, string path) => scope.Can(Permission.UserManage, path);

    /// <summary>A user is visible to a manager when one of their grants lies inside the manager's subtrees.</summary>
    public static bool Sees(OrgScope scope, IEnumerable<RoleGrant> targetGrants) => targetGrants.Any(g => Manages(scope, g.OrgPath));

    public static Failure? CheckGrant(OrgScope scope, Role role, string unitPath, string unitName)
    {
        if (!Manages(scope, unitPath)) return (Failure.NotFound with { Message = "未找到该组织。" });
        if (!scope.GrantableAt(unitPath).Contains(role))
            return (Failure.Forbidden with { Message = $"您不能在“{unitName}”授予“{role.Chinese()}”角色。" });
        return null;
    }

    public static Failure? CheckRevoke(OrgScope scope, RoleGrant grant, IReadOnlyCollection<RoleGrant> targetGrants)
    {
        if (!Manages(scope, grant.OrgPath)) return (Failure.NotFound with { Message = "未找到该授权。" });
        if (grant.UserId == scope.UserId && grant.Role.Allows(Permission.UserManage)
            && !targetGrants.Any(g => g.Id != grant.Id && g.Role.Allows(Permission.UserManage)))
            return Failure.Conflict("不能撤销您自己最后一个具有用户管理权限的角色。");
        if (!scope.GrantableAt(grant.OrgPath).Contains(grant.Role))
            return (Failure.Forbidden with { Message = $"您无权撤销“{grant.Role.Chinese()}”角色。" });
        return null;
    }

    /// <summary>
    /// Disabling, enabling and resetting a password act on the whole account, so the manager must be able
    /// to grant every role the account holds: a community secretary cannot reset a district admin's
    /// password just because that admin also holds a role in the community.
    /// </summary>
    public static Failure? CheckAccount(OrgScope scope, Guid targetId, IReadOnlyCollection<RoleGrant> targetGrants, AccountAction action)
    {
        if (!Sees(scope, targetGrants)) return UserNotFound;
        if (targetId == scope.UserId)
            return action switch
            {
                AccountAction.Disable => Failure.Conflict("不能停用自己的账号。"),
                AccountAction.ResetPassword => Failure.Conflict("请在“修改密码”页面修改自己的密码。"),
                _ => Failure.Conflict("不能对自己的账号进行此操作。"),
            };
        var beyond = targetGrants.FirstOrDefault(g => !scope.GrantableAt(g.OrgPath).Contains(g.Role));
        if (beyond is not null)
            return (Failure.Forbidden with { Message = $"该用户拥有您无权授予的角色（{beyond.Role.Chinese()}），请联系上级管理员处理。" });
        return null;
    }
}

public enum AccountAction { Disable, Enable, ResetPassword }
