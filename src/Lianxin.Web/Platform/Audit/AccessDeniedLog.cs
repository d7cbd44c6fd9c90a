using Lianxin.Web.Platform.Scope;

namespace Lianxin.Web.Platform.Audit;

/// <summary>
/// Writes an <see cref="AuditAction.AccessDenied"/> entry for every refused request: an API 403, or a page
/// whose forbid redirects to the access-denied page. It runs just before the response starts, so the entry is
/// committed before the caller sees the answer; it uses its own DI scope so nothing the request left pending is saved with it.
/// </summary>
public class AccessDeniedLog(RequestDelegate next)
{
    const string Logged = "lx.access-denied-logged";
    const string DeniedPage = "/account/access-denied";

    public Task InvokeAsync(HttpContext ctx)
    {
        ctx.Response.OnStarting(() => WriteIfDeniedAsync(ctx));
        return next(ctx);
    }

    // The cookie handler redirects to an absolute URL (http://host/account/access-denied?ReturnUrl=…).
    static string PathOf(string location) =>
        location.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(location, UriKind.Absolute, out var abs) ? abs.AbsolutePath : location.Split('?')[0];

    static async Task WriteIfDeniedAsync(HttpContext ctx)
    {
        var denied = ctx.Response.StatusCode == StatusCodes.Status403Forbidden
            || (ctx.Response.StatusCode == StatusCodes.Status302Found && PathOf(ctx.Response.Headers.Location.ToString()).Equals(DeniedPage, StringComparison.OrdinalIgnoreCase));
        // The access-denied page itself answers 403; its visit is the redirect already logged.
        if (!denied || ctx.Items.ContainsKey(Logged) || ctx.Request.Path.StartsWithSegments(DeniedPage)) return;
        ctx.Items[Logged] = true;
        var scope = ctx.RequestServices.GetRequiredService<OrgScope>();
        await using var own = ctx.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await own.ServiceProvider.GetRequiredService<SecurityLog>().WriteAsync(AuditAction.AccessDenied,
            scope.IsSignedIn ? scope.UserName : "anonymous", scope.UserId, scope.TenantId, $"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}");
    }
}
