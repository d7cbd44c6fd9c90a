using Lianxin.Web.Platform.Identity;

namespace Lianxin.Web.Modules.Mediation.Contracts;

public static class MediationPermissions
{
    /// <summary>
    /// Open the mediation pages. Who sees which case is not a matter of role: only the case's team and its community's secretary and
    /// staff (the table's own scope filter). These roles are the ones a team member may hold (a judge is a department officer, a
    /// volunteer a member or resident); street and district roles are left out on purpose (ADR 0018).
    /// </summary>
    public static readonly Permission View = new("MediationView", "查看本人参与或本社区的调解案件",
        Role.CommunitySecretary, Role.CommunityStaff, Role.GridLeader, Role.CompoundSecretary, Role.Member, Role.Resident, Role.DepartmentOfficer);

    /// <summary>Register a case and form its team: the community's secretary and staff.</summary>
    public static readonly Permission Open = new("MediationOpen", "登记调解案件并组建调解团队", Role.CommunitySecretary, Role.CommunityStaff);

    public static IReadOnlyList<Permission> All { get; } = [View, Open];
}
