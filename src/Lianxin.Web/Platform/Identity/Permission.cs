namespace Lianxin.Web.Platform.Identity;

/// <summary>What a role may do inside its subtree. The one table every check reads.</summary>
public enum Permission
{
    OrgView,
    OrgManage,
    UserManage,
    AuditView,
    MemberView,
    MemberManage,
    /// <summary>See phones and citizen ID numbers unmasked.</summary>
    MemberPersonalData,
    /// <summary>A member's own page: report to a community, claim posts.</summary>
    MemberSelf,
    /// <summary>See demands and their figures.</summary>
    DemandView,
    /// <summary>Record demands and act on them at one's own level (accept, resolve, return, escalate).</summary>
    DemandHandle,
    /// <summary>Blow the whistle: dispatch a demand to departments; manage categories.</summary>
    DemandDispatch,
    /// <summary>Answer the dispatches sent to one's department (accept, report back, return).</summary>
    DispatchAnswer,
    /// <summary>Create and update pledged practical matters (我为群众办实事).</summary>
    PledgeManage,
    /// <summary>Reviews: run rounds, rubrics, publish, reopen sheets, amend, verify rectifications.</summary>
    ReviewManage,
    /// <summary>Reviews: sit on a panel and score.</summary>
    ReviewScore,
    /// <summary>Reviews: see published results and the unit's rectifications, report progress on them.</summary>
    ReviewView,
    /// <summary>Issue and revoke the street's Open311 API keys.</summary>
    Open311Manage,
    /// <summary>Enter the district's public holidays and make-up working days that time limits count by.</summary>
    CalendarManage,
}

public static class Permissions
{
    static readonly Dictionary<Role, Permission[]> ByRole = new()
    {
        [Role.DistrictAdmin] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.AuditView, Permission.MemberView, Permission.MemberManage, Permission.MemberPersonalData, Permission.DemandView, Permission.DemandHandle, Permission.DemandDispatch, Permission.PledgeManage, Permission.ReviewManage, Permission.ReviewView, Permission.Open311Manage, Permission.CalendarManage],
        [Role.StreetStaff] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.MemberView, Permission.MemberManage, Permission.DemandView, Permission.DemandHandle, Permission.DemandDispatch, Permission.PledgeManage, Permission.ReviewManage, Permission.ReviewView, Permission.Open311Manage],
        [Role.CommunitySecretary] = [Permission.OrgView, Permission.OrgManage, Permission.UserManage, Permission.MemberView, Permission.MemberManage, Permission.MemberPersonalData, Permission.DemandView, Permission.DemandHandle, Permission.PledgeManage, Permission.ReviewView],
        [Role.CommunityStaff] = [Permission.OrgView, Permission.OrgManage, Permission.MemberView, Permission.MemberManage, Permission.DemandView, Permission.DemandHandle, Permission.PledgeManage, Permission.ReviewView],
        [Role.GridLeader] = [Permission.OrgView, Permission.MemberView, Permission.MemberSelf, Permission.DemandView, Permission.DemandHandle, Permission.PledgeManage],
        [Role.Member] = [Permission.OrgView, Permission.MemberSelf],
        [Role.PartnerLiaison] = [Permission.OrgView],
        [Role.Reviewer] = [Permission.OrgView, Permission.ReviewScore],
        [Role.DepartmentOfficer] = [Permission.OrgView, Permission.DispatchAnswer],
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
