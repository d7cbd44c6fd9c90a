using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.Tests.Platform;

/// <summary>Every kind of response carries the security headers (ADR 0027); pages run their scripts under the nonce.</summary>
[Collection(AppCollection.Name)]
public class SecurityHeadersTests(LianxinApp app)
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]              // a page
    [InlineData("/api/v1/auth/me", HttpStatusCode.Unauthorized)]   // the API
    [InlineData("/health", HttpStatusCode.OK)]                     // an endpoint outside both
    [InlineData("/js/site.js", HttpStatusCode.OK)]                 // a static file
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]         // the error page
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)] // the API's ProblemDetails
    public async Task Every_response_kind_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}'", csp);
        foreach (var directive in new[] { "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=(self)", Header(response, "Permissions-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: HSTS would be ignored, and wrong
    }

    [Fact]
    public async Task Over_https_the_browser_is_told_to_stay_on_https_and_cookies_are_secure()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var page = await client.GetAsync("/account/login");
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"));
        var signIn = await LianxinApp.PostFormAsync(client, "/account/login", new() { ["UserName"] = "staff", ["Password"] = Lianxin.Web.Demo.DemoSetup.Password });
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lx_auth="));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_request_gets_its_own_nonce_and_every_script_on_the_page_carries_it()
    {
        var client = await app.PagesAs("secretary");
        var first = await client.GetAsync("/members");
        var second = await client.GetAsync("/members");
        var nonce = Regex.Match(Header(first, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEqual(nonce, Regex.Match(Header(second, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value);
        var scripts = Regex.Matches(await first.Content.ReadAsStringAsync(), "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value));
    }

    [Fact]
    public void No_page_writes_an_inline_event_handler_or_a_javascript_url()
    {
        var root = Path.Combine(RepoRoot(), "src", "Lianxin.Web");
        var offenders = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Regex.IsMatch(x.line, @"\son[a-z]+\s*=\s*[""']|javascript:", RegexOptions.IgnoreCase))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}").ToList();
        Assert.True(offenders.Count == 0, "The CSP blocks these; move them into a script file: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_policy_allows_scripts_only_from_this_origin_and_this_response()
    {
        var policy = SecurityHeaders.Policy("abc");
        Assert.Contains("script-src 'self' 'nonce-abc';", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src")));
    }

    static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) || r.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : throw new Xunit.Sdk.XunitException($"{name} missing on {r.RequestMessage?.RequestUri}");

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Lianxin.slnx not found above the test binaries.");
    }
}
