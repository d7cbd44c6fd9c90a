using System.Security.Cryptography;

namespace Lianxin.Web.Platform.Security;

/// <summary>This request's script nonce: the CSP header names it, <see cref="ScriptNonceTagHelper"/> writes it on every &lt;script&gt;.</summary>
public sealed class CspNonce
{
    // base64url: CSP allows '-' and '_', and unlike '+' the HTML encoder leaves them as they are in the attribute.
    public string Value { get; } = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}

/// <summary>
/// The security headers on every response: pages, API, static files and error pages alike (ADR 0027). Set when the
/// response starts, so that headers cleared by the exception handler or a re-executed error page are put back.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Styles: Bootstrap components, ECharts and htmx write style attributes and elements at run time; see ADR 0027.
    // Camera: the points till scans a QR code with the phone's camera from this origin.
    public const string PermissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext ctx, CspNonce nonce)
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = Policy(nonce.Value);
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = PermissionsPolicy;
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (ctx.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            h.Server = default;
            return Task.CompletedTask;
        });
        return next(ctx);
    }
}
