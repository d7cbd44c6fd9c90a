using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Support;

/// <summary>For use-case tests: the scope of a service scope becomes a demo user's, with their grants, as a signed-in request's would.</summary>
public static class ScopeSignIn
{
    public static async Task SignInAsAsync(this IServiceProvider sp, string userName)
    {
        var db = sp.GetRequiredService<LianxinDb>();
        var tenant = sp.GetRequiredService<Tenancy>().DefaultTenantId;
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == userName && u.TenantId == tenant);
        var grants = await db.RoleGrants.IgnoreQueryFilters().AsNoTracking().Where(g => g.UserId == user.Id).ToListAsync();
        sp.GetRequiredService<OrgScope>().SetUser(user.Id, userName, user.TenantId, grants, null);
    }
}
