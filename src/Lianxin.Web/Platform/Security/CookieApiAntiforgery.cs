using Microsoft.AspNetCore.Antiforgery;

namespace Lianxin.Web.Platform.Security;

/// <summary>
/// The API takes the sign-in cookie too (export links, photo thumbnails, htmx), so a cross-site form could ride on it.
/// A cookie caller's unsafe request (POST, PUT, PATCH, DELETE) under /api must carry the antiforgery token in the
/// <c>RequestVerificationToken</c> header, whatever the endpoint (multipart uploads that opt out of form antiforgery
/// included). Bearer callers are not at risk (a browser never adds the header by itself) and are let through (ADR 0027).
/// </summary>
public sealed class CookieApiAntiforgery(RequestDelegate next)
{
    public const string Message = "请求缺少有效的防伪令牌：通过登录 Cookie 调用接口时须在 RequestVerificationToken 请求头中携带页面的防伪令牌，或改用令牌（Bearer）调用。";

    public async Task InvokeAsync(HttpContext ctx, IAntiforgery antiforgery)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
            && !HttpMethods.IsOptions(ctx.Request.Method) && !HttpMethods.IsTrace(ctx.Request.Method)
            && ctx.User.Identity?.IsAuthenticated == true && !IsBearer(ctx.Request)
            && !await IsValidAsync(antiforgery, ctx))
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Problem(Message, statusCode: StatusCodes.Status400BadRequest, title: "防伪校验失败").ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    }

    // The same test as the authentication policy scheme's (IdentitySetup): a bearer token's principal claims the cookie's
    // authentication type too, so the request, not the principal, tells who is calling.
    static bool IsBearer(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    static async Task<bool> IsValidAsync(IAntiforgery antiforgery, HttpContext ctx)
    {
        try { await antiforgery.ValidateRequestAsync(ctx); return true; }
        catch (AntiforgeryValidationException) { return false; }
    }
}
