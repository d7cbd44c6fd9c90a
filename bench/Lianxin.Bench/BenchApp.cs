using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench;

/// <summary>
/// The app in the bench's own process (a test server, no port), pointed at the bench database, outside demo mode
/// (Production environment, warnings-only logging): it sets up the bench user and runs the in-process ledger scenario.
/// The HTTP scenarios measure <see cref="AppProcess"/> instead; the sign-in helpers here serve both.
/// </summary>
public sealed class BenchApp(BenchDatabase database, string resultsDir) : WebApplicationFactory<Program>
{
    public const string UserName = "bench";
    // Only ever set on a bench database; long enough for the password rules and not a common password.
    public const string Password = "Lianxin-Bench-Harness-2026";

    readonly string keys = Path.Combine(resultsDir, "keys");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings(database, keys)) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(database.Options.ShowSql ? LogLevel.Information : LogLevel.Warning));
        // The ledger scenario records EF's commands for its "same statements" baseline (a no-op for every other flow).
        if (database.Provider == Provider.Postgres)
            builder.ConfigureServices(s => s.ConfigureDbContext<LianxinDb>(o => o.AddInterceptors(StatementCapture.Interceptor)));
    }

    /// <summary>The app's configuration for a bench run, here and in <see cref="AppProcess"/> (as environment variables there).</summary>
    public static IEnumerable<(string Key, string Value)> Settings(BenchDatabase database, string keysFolder)
    {
        yield return ("Database:Provider", database.AppProvider);
        yield return ("Database:ConnectionString", database.ConnectionString);
        yield return ("Demo:Enabled", "false");
        yield return ("DataProtection:KeysFolder", keysFolder);
        // Bench-only keys: the app refuses to start outside demo mode without personal-data keys.
        yield return ("Privacy:EncryptionKey", Convert.ToBase64String(new byte[32]));
        yield return ("Privacy:HashKey", Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()));
        yield return ("Audit:Keys:1", Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray()));
        // Logging every request would measure the console; 404s and the like are counted, not logged.
        yield return ("Logging:LogLevel:Default", "Warning");
        yield return ("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        yield return ("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        if (database.Options.ShowSql) yield return ("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }

    public void Start()
    {
        // WebApplicationFactory reads MvcTestingAppManifest.json (where src/Lianxin.Web is) from the working
        // folder; under `dotnet run` that is the checkout, so look from the binary's folder instead.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        StartServer();
    }

    /// <summary>
    /// The bench user, made with the app's own UserManager (so the password hash and stamps are real) and
    /// one role grant: DistrictAdmin at the district or StreetStaff at the first street. Returns the tenant.
    /// </summary>
    public async Task<Guid> EnsureUserAsync(string role, string marker)
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var tenant = sp.GetRequiredService<Tenancy>().DefaultTenantId;
        if (tenant == Guid.Empty) throw new InvalidOperationException("the app found no district in the bench database");
        sp.GetRequiredService<OrgScope>().AsSystem(tenant);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<LianxinDb>();

        var user = await users.FindByNameAsync(UserName);
        if (user is null)
        {
            user = new AppUser { UserName = UserName, DisplayName = marker, TenantId = tenant, CreatedAt = DateTime.UtcNow };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var unit = role == "street"
            ? await db.OrgUnits.SingleAsync(u => u.Kind == OrgKind.Street && u.Code == "QH01")
            : await db.OrgUnits.SingleAsync(u => u.Kind == OrgKind.District && u.ParentId == null);
        var wanted = role == "street" ? Role.StreetStaff : Role.DistrictAdmin;
        // One grant only, so the scope is exactly the one asked for even on a reused database.
        var old = await db.RoleGrants.Where(g => g.UserId == user.Id).ToListAsync();
        if (old is not [var only] || only.Role != wanted || only.OrgUnitId != unit.Id)
        {
            db.RoleGrants.RemoveRange(old);
            db.RoleGrants.Add(new RoleGrant { TenantId = tenant, UserId = user.Id, Role = wanted, OrgUnitId = unit.Id, OrgPath = unit.Path, GrantedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return tenant;
    }

    /// <summary>A client over real TCP to the loopback port, pooled for <paramref name="workers"/> connections.</summary>
    public static HttpClient Client(string baseUrl, int workers, CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = workers,
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Signs in through POST /api/v1/auth/token and returns a client that sends the bearer token.</summary>
    public static async Task<HttpClient> ApiClientAsync(string baseUrl, int workers)
    {
        var client = Client(baseUrl, workers);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = UserName, password = Password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/auth/token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the login page (antiforgery token, form post) and returns a client holding the cookie.</summary>
    public static async Task<HttpClient> PageClientAsync(string baseUrl, int workers)
    {
        var client = Client(baseUrl, workers, new CookieContainer());
        var html = await client.GetStringAsync("/account/login");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = UserName, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"the login page answered {(int)response.StatusCode} instead of a redirect");
        return client;
    }

    sealed record TokenBody(string AccessToken);
}
