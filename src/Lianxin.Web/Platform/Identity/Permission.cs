namespace Lianxin.Web.Platform.Identity;

/// <summary>What a role may do inside its subtree. The one table every check reads.</summary>
public enum Permission
{
    OrgView,
    OrgManage,
    UserManage,
    AuditView,
    /// <summary>Reviews: run rounds, rubrics, publish, reopen sheets, amend, verify rectifications.</summary>
    ReviewManage,
    /// <summary>Reviews: sit on a panel and score.</summary>
    ReviewScore,
    /// <summary>Reviews: see published results and the unit's rectifications, report progress on them.</summary>
    ReviewView,
}

public static class Permissions
{
    static readonly Dictionary<Role, Permission[]> ByRole = new()
    {
        [Role.DistrictAdmin] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.AuditView, Permission.ReviewManage, Permission.ReviewView],
        [Role.StreetStaff] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.ReviewManage, Permission.ReviewView],
        [Role.CommunitySecretary] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.ReviewView],
        [Role.CommunityStaff] = [Permission.OrgView, Permission.OrgManage, Permission.ReviewView],
        [Role.GridLeader] = [Permission.OrgView],
        [Role.Member] = [Permission.OrgView],
        [Role.PartnerLiaison] = [Permission.OrgView],
        [Role.Reviewer] = [Permission.OrgView, Permission.ReviewScore],
        [Role.DepartmentOfficer] = [Permission.OrgView],
        [Role.Resident] = [],
        [Role.Merchant] = [],
    };

    public static bool Allows(this Role role, Permission permission) => ByRole[role].Contains(permission);

    /// <summary>Roles a holder of <paramref name="role"/> may grant to others (never above their own level).</summary>
    public static IReadOnlyList<Role> Grantable(this Role role) => role switch
    {
        Role.DistrictAdmin => Enum.GetValues<Role>(),
        Role.StreetStaff => Enum.GetValues<Role>().Where(r => r != Role.DistrictAdmin).ToArray(),
        Role.CommunitySecretary => [Role.CommunityStaff, Role.GridLeader, Role.Member, Role.PartnerLiaison, Role.Resident, Role.Merchant],
        _ => [],
    };
}
