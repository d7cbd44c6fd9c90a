using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Support;

/// <summary>The app on its own database of this run's provider, holding the demo district (a copy of <see cref="DemoTemplate"/>).</summary>
public class LianxinApp : WebApplicationFactory<Program>
{
    public LianxinApp() : this(fromTemplate: true) { }

    /// <param name="fromTemplate">False: an empty database, which the app migrates and seeds when it starts (tests that
    /// migrate by hand, or seed under keys of their own).</param>
    internal LianxinApp(bool fromTemplate) =>
        ConnectionString = fromTemplate ? DemoTemplate.Copy(CheckpointFile) : TestDatabase.Create();

    public string ConnectionString { get; }
    /// <summary>This app's append-only audit checkpoint file (ADR 0029), one per database.</summary>
    public string CheckpointFile { get; } = Path.Combine(Path.GetTempPath(), "lianxin-tests", $"audit-{Guid.NewGuid():N}.checkpoints");
    readonly Dictionary<string, string> tokens = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        // No background loops: tests drive a job's pass themselves (JobHost.RunAsync) on the clock they choose.
        builder.UseSetting("Jobs:Enabled", "false");
        // Every test files public demands from the same client address; the limiter has its own test with its own limit.
        builder.UseSetting("Demands:PublicIntake:PermitLimit", "100000");
        // Likewise every test's failed tracking lookups come from one client; the per-ticket limit stays as configured (ADR 0030).
        builder.UseSetting("Demands:Tracking:PerClient", "100000");
        // Likewise every test signs in from one address; SignInThrottleTests set their own limits and addresses.
        builder.UseSetting("SignIn:Throttle:PerAccountLimit", "100000");
        builder.UseSetting("SignIn:Throttle:PerClientLimit", "100000");
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
    }

    /// <summary>An API client signed in with a bearer token as a demo account.</summary>
    public async Task<HttpClient> ApiAs(string userName, string password = DemoSetup.Password)
    {
        // Keyed by password too: a test that resets a password needs a token issued after the reset.
        if (!tokens.TryGetValue(userName + "\n" + password, out var token))
        {
            var anon = CreateClient();
            var response = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            tokens[userName + "\n" + password] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the login page.</summary>
    public async Task<HttpClient> PagesAs(string userName, string password = DemoSetup.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var html = await client.GetStringAsync(formPage ?? url);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Runs <paramref name="work"/> as the system of the demo district, with the app's services (use cases called directly).</summary>
    public T WithScope<T>(Func<IServiceProvider, T> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(scope.ServiceProvider.GetRequiredService<Tenancy>().DefaultTenantId);
        return work(scope.ServiceProvider);
    }

    /// <summary>A scope with an unrestricted database, for arranging and inspecting data behind the app's back.</summary>
    public T WithDb<T>(Func<LianxinDb, T> work)
    {
        using var scope = Services.CreateScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(tenancy.DefaultTenantId);
        return work(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    record TokenBody(string AccessToken, string RefreshToken);
}

public static class Jobs
{
    /// <summary>One pass of a background job for every tenant, as the job host's loop would run it, on the host's clock.</summary>
    public static async Task<IReadOnlyList<JobRun>> RunJobAsync<TJob>(this WebApplicationFactory<Program> host) where TJob : IJob
    {
        var runs = await host.Services.GetRequiredService<JobHost>().RunAsync<TJob>();
        // Nothing else holds a lease in the test host (its loops are off), and a pass must not fail.
        Assert.DoesNotContain(runs, r => r.Done is null);
        return runs;
    }
}

[CollectionDefinition(Name)]
public class AppCollection : ICollectionFixture<LianxinApp>
{
    public const string Name = "app";
}
