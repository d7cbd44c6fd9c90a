using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Platform;

/// <summary>
/// Sign-in says nothing about which accounts exist and slows a failing client down before it can lock an account (ADR 0027).
/// Each test signs in from its own made-up client address (the X-Test-Client header, honoured by this test host only).
/// </summary>
[Collection(AppCollection.Name)]
public class SignInThrottleTests(LianxinApp app)
{
    [Fact]
    public async Task An_unknown_user_a_wrong_password_and_a_locked_account_get_the_same_answer_and_the_same_password_check()
    {
        var hasher = new CountingHasher();
        using var host = Host(limits: false, s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        var known = await CreateUserAsync("wrong-password");
        var locked = await CreateUserAsync("locked");
        await LockAsync(locked);
        var answers = new List<string>();
        foreach (var user in new[] { "nobody-" + Guid.NewGuid().ToString("N")[..6], known, locked })
        {
            var before = hasher.Verifications;
            var response = await Client(host, Address()).PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "not-the-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            answers.Add((await response.Content.ReadFromJsonAsync<Problem>())!.Detail);
            Assert.Equal(before + 1, hasher.Verifications); // one PBKDF2 check each: the time taken tells nothing
        }
        Assert.Single(answers.Distinct());
        Assert.Equal(PasswordSignIn.Refused, answers[0]);
    }

    [Fact]
    public async Task A_client_that_keeps_failing_is_slowed_down_before_the_account_locks_and_the_owner_is_not_locked_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = Host(limits: true, s => s.AddSingleton<TimeProvider>(clock));
        var name = await CreateUserAsync("throttled");
        var stranger = Client(host, Address());
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Token(stranger, name, "guess-" + i)).StatusCode);

        // The fourth try, even with the right password, is not checked at all: 429 with the wait, and in Chinese.
        var refused = await Token(stranger, name, DemoSetup.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 900);
        Assert.Contains("本机登录失败次数过多", (await refused.Content.ReadFromJsonAsync<Problem>())!.Detail);

        // The account is not locked: its owner, elsewhere, signs in at once.
        Assert.Equal(HttpStatusCode.OK, (await Token(Client(host, Address()), name, DemoSetup.Password)).StatusCode);

        // After the window the stranger may try again.
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Token(stranger, name, "guess-again")).StatusCode);
    }

    [Fact]
    public async Task A_client_trying_many_accounts_is_stopped_and_the_login_page_says_so_in_Chinese()
    {
        using var host = Host(limits: true);
        var address = Address();
        var sprayer = Client(host, address);
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Token(sprayer, $"spray{i}-{Guid.NewGuid():N}", "Password1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Token(sprayer, "staff", DemoSetup.Password)).StatusCode);

        var page = Client(host, address, cookies: true);
        var response = await LianxinApp.PostFormAsync(page, "/account/login", new() { ["UserName"] = "staff", ["Password"] = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("本机登录失败次数过多，请 15 分钟后再试。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_count_the_same_failures()
    {
        using var first = Host(limits: true);
        using var second = Host(limits: true);
        var name = await CreateUserAsync("two-instances");
        var address = Address();
        await Token(Client(first, address), name, "guess-1");
        await Token(Client(second, address), name, "guess-2");
        await Token(Client(first, address), name, "guess-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Token(Client(second, address), name, DemoSetup.Password)).StatusCode);
    }

    [Fact]
    public async Task The_owner_hears_of_failed_attempts_once_on_the_page_and_in_the_inbox()
    {
        using var host = Host(limits: false);
        var name = await CreateUserAsync("told");
        await Token(Client(host, Address()), name, "guess-1");
        await Token(Client(host, Address()), name, "guess-2");

        var owner = Client(host, Address(), cookies: true);
        var signedIn = await LianxinApp.PostFormAsync(owner, "/account/login", new() { ["UserName"] = name, ["Password"] = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var landing = await owner.GetStringAsync("/account/change-password");
        Assert.Contains("自上次登录以来，有 2 次失败的登录尝试", landing);
        Assert.DoesNotContain("次失败的登录尝试", await owner.GetStringAsync("/account/change-password")); // once

        var userId = app.WithDb(db => db.Users.Single(u => u.UserName == name).Id);
        Assert.Contains(app.WithDb(db => db.Notifications.Where(n => n.RecipientUserId == userId).Select(n => n.Body).ToList()),
            b => b.Contains("有 2 次失败的登录尝试"));

        // The next sign-in without failures in between says nothing.
        var again = Client(host, Address(), cookies: true);
        await LianxinApp.PostFormAsync(again, "/account/login", new() { ["UserName"] = name, ["Password"] = DemoSetup.Password });
        Assert.DoesNotContain("次失败的登录尝试", await again.GetStringAsync("/account/change-password"));
    }

    WebApplicationFactory<Program> Host(bool limits, Action<IServiceCollection>? services = null) => app.WithWebHostBuilder(b =>
    {
        if (limits)
        {
            b.UseSetting("SignIn:Throttle:PerAccountLimit", "3");
            b.UseSetting("SignIn:Throttle:PerClientLimit", "6");
            b.UseSetting("SignIn:Throttle:WindowSeconds", "900");
        }
        b.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, TestClientAddress>();
            services?.Invoke(s);
        });
    });

    static HttpClient Client(WebApplicationFactory<Program> host, string address, bool cookies = false)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    static Task<HttpResponseMessage> Token(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    /// <summary>A documentation-range address (RFC 5737) of its own for each client.</summary>
    static string Address() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    async Task<string> CreateUserAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var tenant = app.WithDb(db => db.Scope.TenantId);
        var result = await users.CreateAsync(new AppUser { UserName = name, DisplayName = name, TenantId = tenant }, DemoSetup.Password);
        Assert.True(result.Succeeded, string.Join(",", result.Errors.Select(e => e.Description)));
        return name;
    }

    async Task LockAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync(name))!, DateTimeOffset.UtcNow.AddMinutes(15));
    }

    record Problem(string Detail);

    sealed class CountingHasher : PasswordHasher<AppUser>
    {
        int verifications;
        public int Verifications => verifications;

        public CountingHasher() : base(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 })) { }

        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Sets the connection's client address from a header, so each test is its own client.</summary>
    sealed class TestClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, go) =>
            {
                if (System.Net.IPAddress.TryParse(ctx.Request.Headers[Header], out var ip)) ctx.Connection.RemoteIpAddress = ip;
                return go(ctx);
            });
            next(app);
        };
    }
}
