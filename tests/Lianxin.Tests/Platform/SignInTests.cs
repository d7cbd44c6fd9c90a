using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Platform;

[Collection(AppCollection.Name)]
public class SignInTests(LianxinApp app)
{
    [Fact]
    public async Task Signing_in_on_the_page_lands_on_the_home_page_with_the_users_role()
    {
        var client = await app.PagesAs("secretary");
        var home = await client.GetStringAsync("/");
        Assert.Contains("和平社区党委", home);
        Assert.Contains("社区党组织书记", home);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_logged()
    {
        var client = app.CreateClient();
        var response = await LianxinApp.PostFormAsync(client, "/account/login", new() { ["UserName"] = "staff", ["Password"] = "wrong-password-1" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确", html);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditAction.SignInFailed && e.EntityId == "staff")));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        await CreateUser("locktest");
        var api = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "locktest", password = "not-the-password" });
        var response = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "locktest", password = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("锁定", await response.Content.ReadAsStringAsync());
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditAction.LockedOut && e.EntityId == "locktest")));
    }

    [Fact]
    public async Task Api_without_a_token_answers_401_not_a_login_page()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_names_the_user_and_their_grants()
    {
        var api = await app.ApiAs("grid");
        var me = await api.GetFromJsonAsync<MeDto>("/api/v1/auth/me");
        Assert.Equal("grid", me!.UserName);
        Assert.Equal("GridLeader", Assert.Single(me.Grants).Role);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_at_once()
    {
        await CreateUser("disabletest");
        var client = await app.PagesAs("disabletest");
        // "/" is the public front door: a page only the signed-in may open shows the sign-out.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("disabletest"))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }
        var after = await client.GetAsync("/account/change-password");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password123")]
    [InlineData("12345678")]
    public async Task Weak_passwords_are_refused(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "weak" + Guid.NewGuid().ToString("N")[..6], DisplayName = "x" }, password);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_PBKDF2_iterations()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var hash = Convert.FromBase64String((await users.FindByNameAsync("admin"))!.PasswordHash!);
        // Identity v3 format: marker, PRF (4 bytes), iteration count (4 bytes, big-endian), …
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.True(iterations >= 210_000, $"iterations = {iterations}");
    }

    async Task CreateUser(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var tenant = app.WithDb(db => db.Scope.TenantId);
        var result = await users.CreateAsync(new AppUser { UserName = userName, DisplayName = userName, TenantId = tenant }, DemoSetup.Password);
        Assert.True(result.Succeeded, string.Join(",", result.Errors.Select(e => e.Description)));
    }
}

[Collection(AppCollection.Name)]
public class SessionTests(LianxinApp app)
{
    [Fact]
    public void Page_sessions_slide_and_end_after_at_most_eight_idle_hours()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        Assert.True(options.SlidingExpiration);
        Assert.True(options.ExpireTimeSpan <= TimeSpan.FromHours(8));
    }
}
