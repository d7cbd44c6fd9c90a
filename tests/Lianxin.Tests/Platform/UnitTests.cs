using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;

namespace Lianxin.Tests.Platform;

public class MaskTests
{
    [Fact] public void Phones_keep_three_and_four() => Assert.Equal("138****1234", Mask.Phone("13800001234"));
    [Fact] public void Id_numbers_keep_four_and_four() => Assert.Equal("4103**********1234", Mask.IdNumber("410381199001011234"));
    [Fact] public void Common_passwords_are_known_in_any_case() => Assert.True(CommonPasswordValidator.IsCommon("PassWord123"));

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused_in_Chinese_and_128_is_fine()
    {
        var validator = new CommonPasswordValidator();
        var user = new AppUser { UserName = "clerk" };
        var tooLong = await validator.ValidateAsync(null!, user, new string('长', 129));
        Assert.Equal("密码不能超过 128 个字符。", Assert.Single(tooLong.Errors).Description);
        Assert.True((await validator.ValidateAsync(null!, user, new string('长', 128))).Succeeded);
    }
}

public class OrgScopeTests
{
    [Fact]
    public void Nested_grants_collapse_to_their_roots()
    {
        var roots = OrgScope.RootsOf(["/a/b/", "/a/", "/c/d/", "/c/d/e/"]);
        Assert.Equal(["/a/", "/c/d/"], roots);
    }

    [Fact]
    public void Permission_holds_only_inside_the_granted_subtree()
    {
        var scope = new OrgScope();
        scope.SetUser(Guid.NewGuid(), "u", Guid.NewGuid(), [new RoleGrant { Role = Role.CommunitySecretary, OrgPath = "/d/s/c1/" }], null);
        Assert.True(scope.Can(OrgPermissions.OrgManage, "/d/s/c1/b/"));
        Assert.False(scope.Can(OrgPermissions.OrgManage, "/d/s/c2/"));
        Assert.False(scope.Can(Permission.AuditView, "/d/s/c1/"));
        Assert.False(scope.Sees("/d/s/"));
    }
}
