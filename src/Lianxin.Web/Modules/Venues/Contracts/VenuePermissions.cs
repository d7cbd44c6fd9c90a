using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Venues.Contracts;

public static class VenuePermissions
{
    /// <summary>See venues, their rooms and free times (residents and partner units too: they book them).</summary>
    public static readonly Permission VenueView = new("VenueView", "查看阵地、功能室与开放时间",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member,
        Role.PartnerLiaison, Role.Resident, Role.Reviewer);
    public static readonly Permission VenueManage = new("VenueManage", "维护阵地：建设状态、功能、达标清单与功能室",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);
    public static readonly Permission VenueBook = new("VenueBook", "预约阵地功能室",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member,
        Role.PartnerLiaison, Role.Resident);

    public static IReadOnlyList<Permission> All { get; } = [VenueView, VenueManage, VenueBook];
}
