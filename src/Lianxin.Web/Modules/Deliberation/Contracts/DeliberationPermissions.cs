using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Deliberation.Contracts;

public static class DeliberationPermissions
{
    /// <summary>See the motions, owners' committees, property arrangements and conventions of the compounds in one's scope.</summary>
    public static readonly Permission View = new("DeliberationView", "查看三级议事、业委会、物业与居民公约",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.Member);

    /// <summary>Raise a motion at a compound while signed in (members raise what they hear; residents use the public page).</summary>
    public static readonly Permission Raise = new("DeliberationRaise", "提出议题",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.Member);

    /// <summary>Record the meetings of the level handling a motion, and keep committees, property arrangements and conventions.</summary>
    public static readonly Permission Manage = new("DeliberationManage", "组织议事会并维护业委会、物业与居民公约",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader);

    /// <summary>Set a street's definition of a 红色业委会.</summary>
    public static readonly Permission Rules = new("DeliberationRules", "设定红色业委会认定标准", Role.DistrictAdmin, Role.StreetStaff);

    public static IReadOnlyList<Permission> All { get; } = [View, Raise, Manage, Rules];
}
