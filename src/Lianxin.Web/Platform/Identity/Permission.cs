namespace Lianxin.Web.Platform.Identity;

/// <summary>
/// Something a role may do inside its subtree. Each module declares its own in <c>Contracts/…Permissions.cs</c>,
/// naming the roles that hold it, and lists them in its <see cref="Modules.IModule.Permissions"/>: the permission
/// is the one table every check reads (<see cref="Scope.OrgScope.Can"/>).
/// </summary>
public sealed class Permission(string name, string title, params Role[] roles)
{
    public string Name { get; } = name;
    /// <summary>What it lets a person do, in Chinese (the permission matrix, the role page).</summary>
    public string Title { get; } = title;
    public IReadOnlyList<Role> Roles { get; } = roles;

    public override string ToString() => Name;

    public static readonly Permission UserManage = new("UserManage", "管理账号与角色授权",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary);
    public static readonly Permission AuditView = new("AuditView", "查看审计日志", Role.DistrictAdmin);

    /// <summary>Enter the district's public holidays and make-up working days that time limits count by.</summary>
    public static readonly Permission CalendarManage = new("CalendarManage", "维护工作日历（法定节假日与调休）", Role.DistrictAdmin);
    /// <summary>Read the working calendar (street staff set deadlines by it).</summary>
    public static readonly Permission CalendarView = new("CalendarView", "查看工作日历", Role.DistrictAdmin, Role.StreetStaff);

    /// <summary>Read /metrics from another machine (a scraper on the app's own machine needs no account, ADR 0031).</summary>
    public static readonly Permission MetricsView = new("MetricsView", "查看运行指标（/metrics）", Role.DistrictAdmin);

    public static IReadOnlyList<Permission> PlatformPermissions { get; } = [UserManage, AuditView, CalendarManage, CalendarView, MetricsView];
}

public static class Permissions
{
    public static bool Allows(this Role role, Permission permission) => permission.Roles.Contains(role);

    /// <summary>Roles a holder of <paramref name="role"/> may grant to others (never above their own level).</summary>
    public static IReadOnlyList<Role> Grantable(this Role role) => role switch
    {
        Role.DistrictAdmin => Enum.GetValues<Role>(),
        Role.StreetStaff => Enum.GetValues<Role>().Where(r => r != Role.DistrictAdmin).ToArray(),
        Role.CommunitySecretary => [Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member, Role.PartnerLiaison, Role.Resident, Role.Merchant],
        _ => [],
    };
}
