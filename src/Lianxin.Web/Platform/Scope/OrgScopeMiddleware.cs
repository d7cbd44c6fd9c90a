using System.Security.Claims;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Platform.Scope;

/// <summary>
/// After authentication, loads the caller's role grants into <see cref="OrgScope"/> (once per request,
/// from the database, so a revoked grant, a disabled account or a password reset takes effect at once, cookie or token).
/// </summary>
public class OrgScopeMiddleware(RequestDelegate next)
{
    public const string CurrentGrantCookie = "lx_grant";

    public async Task InvokeAsync(HttpContext ctx, OrgScope scope, LianxinDb db, Tenancy tenancy, IOptions<IdentityOptions> identity)
    {
        scope.TenantId = tenancy.DefaultTenantId;
        if (ctx.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            // The account and its grants in one statement (a join): this runs before every signed-in request, so one round trip,
            // not two (issue 15). Grants are read whatever the account's state and dropped below if it may not sign in.
            var user = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.UserName, u.TenantId, u.IsDisabled, u.SecurityStamp,
                    Grants = db.RoleGrants.Where(g => g.UserId == u.Id && g.TenantId == u.TenantId)
                        .OrderBy(g => g.OrgPath.Length).ThenBy(g => g.Role).ToList(),
                })
                .FirstOrDefaultAsync(ctx.RequestAborted);
            // A password reset changes the stamp: tokens and cookies issued before it stop working.
            var stamp = ctx.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            if (user is null || user.IsDisabled || (stamp is not null && stamp != user.SecurityStamp))
            {
                if (ctx.User.Identity.AuthenticationType == IdentityConstants.ApplicationScheme)
                    await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
                ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                Guid? current = Guid.TryParse(ctx.Request.Cookies[CurrentGrantCookie], out var g) ? g : null;
                scope.SetUser(userId, user.UserName ?? "", user.TenantId, user.Grants, current);
            }
        }
        await next(ctx);
    }
}
