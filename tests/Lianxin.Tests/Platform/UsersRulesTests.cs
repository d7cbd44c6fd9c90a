using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Identity.Users;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Tests.Platform;

/// <summary>The user-management rules on their own: who may grant what where, and what nobody may do to themselves.</summary>
public class UsersRulesTests
{
    const string District = "/d/", Street = "/d/s/", Heping = "/d/s/c1/", Xingfu = "/d/s/c2/", HepingGrid = "/d/s/c1/g1/";
    static readonly Guid Me = Guid.NewGuid();

    static OrgScope As(params (Role Role, string Path)[] grants)
    {
        var scope = new OrgScope();
        scope.SetUser(Me, "me", Guid.NewGuid(), grants.Select(g => Grant(Me, g.Role, g.Path)).ToList(), null);
        return scope;
    }

    static RoleGrant Grant(Guid user, Role role, string path) => new() { UserId = user, Role = role, OrgPath = path };

    [Theory]
    [InlineData(Role.CommunityStaff, Heping)]
    [InlineData(Role.GridLeader, HepingGrid)]
    [InlineData(Role.Resident, Heping)]
    public void A_secretary_grants_community_roles_inside_her_community(Role role, string path) =>
        Assert.Null(UserRules.CheckGrant(As((Role.CommunitySecretary, Heping)), role, path, "x"));

    [Theory]
    [InlineData(Role.DistrictAdmin)]
    [InlineData(Role.StreetStaff)]
    [InlineData(Role.CommunitySecretary)]
    [InlineData(Role.Reviewer)]
    public void A_secretary_may_not_grant_roles_at_or_above_her_own(Role role)
    {
        var refused = UserRules.CheckGrant(As((Role.CommunitySecretary, Heping)), role, Heping, "和平社区党委");
        Assert.Equal(OutcomeKind.Forbidden, refused?.Kind);
        Assert.Contains("和平社区党委", refused!.Message);
    }

    [Theory]
    [InlineData(Xingfu)]
    [InlineData(Street)]
    public void Outside_her_subtree_the_unit_is_not_found(string path) =>
        Assert.Equal(OutcomeKind.NotFound, UserRules.CheckGrant(As((Role.CommunitySecretary, Heping)), Role.CommunityStaff, path, "x")?.Kind);

    [Fact]
    public void Street_staff_grant_everything_below_district_admin_in_their_street()
    {
        var street = As((Role.StreetStaff, Street));
        Assert.Null(UserRules.CheckGrant(street, Role.CommunitySecretary, Xingfu, "x"));
        Assert.Equal(OutcomeKind.Forbidden, UserRules.CheckGrant(street, Role.DistrictAdmin, Street, "x")?.Kind);
        Assert.Equal(OutcomeKind.NotFound, UserRules.CheckGrant(street, Role.Member, District, "x")?.Kind);
    }

    [Fact]
    public void A_role_without_user_management_manages_nobody()
    {
        var staff = As((Role.CommunityStaff, Heping));
        Assert.False(UserRules.MayManageUsers(staff));
        Assert.Empty(UserRules.ManagedRoots(staff));
        Assert.Equal(OutcomeKind.NotFound, UserRules.CheckGrant(staff, Role.Resident, Heping, "x")?.Kind);
    }

    [Fact]
    public void Only_grants_with_user_management_widen_the_managed_subtrees()
    {
        var scope = As((Role.CommunitySecretary, Heping), (Role.Member, Xingfu));
        Assert.Equal([Heping], UserRules.ManagedRoots(scope));
        Assert.False(UserRules.Sees(scope, [Grant(Guid.NewGuid(), Role.Member, Xingfu)]));
        Assert.True(UserRules.Sees(scope, [Grant(Guid.NewGuid(), Role.Member, Xingfu), Grant(Guid.NewGuid(), Role.Member, HepingGrid)]));
    }

    [Fact]
    public void Nobody_revokes_their_own_last_user_management_grant()
    {
        var scope = As((Role.CommunitySecretary, Heping));
        var refused = UserRules.CheckRevoke(scope, scope.Grants[0], scope.Grants.ToList());
        Assert.Equal(OutcomeKind.Conflict, refused?.Kind);
    }

    [Fact]
    public void Street_staff_who_is_also_secretary_may_drop_the_secretary_grant()
    {
        var scope = As((Role.StreetStaff, Street), (Role.CommunitySecretary, Heping));
        var secretaryGrant = scope.Grants.Single(g => g.Role == Role.CommunitySecretary);
        Assert.Null(UserRules.CheckRevoke(scope, secretaryGrant, scope.Grants.ToList()));

        // A member grant does not count: it carries no user management.
        var withMember = As((Role.StreetStaff, Street), (Role.Member, Heping));
        var streetGrant = withMember.Grants.Single(g => g.Role == Role.StreetStaff);
        Assert.Equal(OutcomeKind.Conflict, UserRules.CheckRevoke(withMember, streetGrant, withMember.Grants.ToList())?.Kind);
    }

    [Fact]
    public void A_secretary_revokes_community_roles_but_not_a_fellow_secretary()
    {
        var scope = As((Role.CommunitySecretary, Heping));
        var other = Guid.NewGuid();
        Assert.Null(UserRules.CheckRevoke(scope, Grant(other, Role.GridLeader, HepingGrid), []));
        Assert.Equal(OutcomeKind.Forbidden, UserRules.CheckRevoke(scope, Grant(other, Role.CommunitySecretary, Heping), [])?.Kind);
        Assert.Equal(OutcomeKind.NotFound, UserRules.CheckRevoke(scope, Grant(other, Role.Member, Xingfu), [])?.Kind);
    }

    [Fact]
    public void Nobody_disables_themselves()
    {
        var scope = As((Role.DistrictAdmin, District));
        Assert.Equal(OutcomeKind.Conflict, UserRules.CheckAccount(scope, Me, scope.Grants.ToList(), AccountAction.Disable)?.Kind);
    }

    [Fact]
    public void A_secretary_cannot_disable_someone_who_holds_a_role_she_could_not_grant()
    {
        var scope = As((Role.CommunitySecretary, Heping));
        var target = Guid.NewGuid();
        var refused = UserRules.CheckAccount(scope, target, [Grant(target, Role.Member, Heping), Grant(target, Role.StreetStaff, Street)], AccountAction.ResetPassword);
        Assert.Equal(OutcomeKind.Forbidden, refused?.Kind);
        Assert.Null(UserRules.CheckAccount(scope, target, [Grant(target, Role.CommunityStaff, Heping)], AccountAction.Disable));
        Assert.Equal(OutcomeKind.NotFound, UserRules.CheckAccount(scope, target, [Grant(target, Role.CommunityStaff, Xingfu)], AccountAction.Disable)?.Kind);
    }
}
