using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Pledges.Contracts;

public static class PledgePermissions
{
    /// <summary>Create and update pledged practical matters (我为群众办实事).</summary>
    public static readonly Permission PledgeManage = new("PledgeManage", "承诺并推进为民办实事事项",
        Role.DistrictAdmin, Role.StreetStaff, Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary);

    /// <summary>Approve or return a member's own pledge (党员承诺) before it goes on the board: the branch secretary, the community's, or the street's for branches of its own agencies (机关支部).</summary>
    public static readonly Permission PledgeApprove = new("PledgeApprove", "审核党员承诺",
        Role.StreetStaff, Role.CommunitySecretary, Role.GridLeader, Role.CompoundSecretary);

    public static IReadOnlyList<Permission> All { get; } = [PledgeManage, PledgeApprove];
}
