using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Members.Contracts;

public static class MemberPermissions
{
    public static readonly Permission MemberView = new("MemberView", "查看党员名册、双报到、认岗与党员中心户",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);
    public static readonly Permission MemberManage = new("MemberManage", "维护党员名册、组织关系转接与导入导出",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff);
    /// <summary>See phones and citizen ID numbers unmasked.</summary>
    public static readonly Permission MemberPersonalData = new("MemberPersonalData", "查看完整的手机号与身份证号",
        Role.DistrictAdmin, Role.CommunitySecretary);
    /// <summary>A member's own page: report to a community, claim posts.</summary>
    public static readonly Permission MemberSelf = new("MemberSelf", "本人报到与认岗", Role.GridLeader, Role.CompoundSecretary, Role.Member);

    public static IReadOnlyList<Permission> All { get; } = [MemberView, MemberManage, MemberPersonalData, MemberSelf];
}
