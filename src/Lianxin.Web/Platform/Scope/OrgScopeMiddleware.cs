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

    /// <summary>The account's sign-in state and its grants (<see cref="ReadAccount"/>).</summary>
    public sealed record Account(string? UserName, Guid TenantId, bool IsDisabled, string? SecurityStamp, List<RoleGrant> Grants);

    /// <summary>
    /// The account and its grants in one statement (a join): this runs before every signed-in request, so one round trip, not
    /// two (ADR 0051). Grants are read whatever the account's state and dropped by the caller if it may not sign in; the query
    /// filters are ignored (the scope is not known yet). Compiled once (ADR 0057): building and looking up the LINQ expression
    /// cost more app CPU per request than running it. Read fresh every request: nothing is cached across requests.
    /// </summary>
    public static readonly Func<LianxinDb, Guid, CancellationToken, Task<Account?>> ReadAccount = EF.CompileAsyncQuery(
        (LianxinDb db, Guid userId, CancellationToken ct) => db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Account(u.UserName, u.TenantId, u.IsDisabled, u.SecurityStamp,
                db.RoleGrants.Where(g => g.UserId == u.Id && g.TenantId == u.TenantId)
                    .OrderBy(g => g.OrgPath.Length).ThenBy(g => g.Role).ToList()))
            .FirstOrDefault());

    public async Task InvokeAsync(HttpContext ctx, OrgScope scope, LianxinDb db, Tenancy tenancy, IOptions<IdentityOptions> identity)
    {
        scope.TenantId = tenancy.DefaultTenantId;
        if (ctx.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var user = await ReadAccount(db, userId, ctx.RequestAborted);
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
