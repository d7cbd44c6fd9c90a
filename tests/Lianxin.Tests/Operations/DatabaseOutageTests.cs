using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lianxin.Tests.Operations;

/// <summary>
/// The database goes away under a running app and comes back (ADR 0031). On PostgreSQL the app reaches its own database
/// through a socket the test switches off (a stopped server: the socket is gone, open connections are cut); on SQLite
/// the folder holding the database file disappears (a lost mount). Meanwhile people get a 503 in Chinese, the readiness
/// probe fails and the liveness probe does not; afterwards the same people carry on without a restart.
/// </summary>
public class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_people_get_a_503_and_afterwards_the_app_carries_on_by_itself()
    {
        using var outage = new Outage();
        await using var app = new AppOn(outage.ConnectionString);
        var staff = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await LianxinApp.PostFormAsync(staff, "/account/login", new() { ["UserName"] = "street", ["Password"] = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/health/ready")).StatusCode);
        // A save whose connection the outage cuts (ADR 0040): before, the audit's rollback on the dead connection threw
        // ObjectDisposedException over the driver's error, and that request answered 500 instead of 503.
        using var scope = app.Services.CreateScope();
        var cut = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        await cut.Database.OpenConnectionAsync();

        outage.Stop();

        if (TestDatabase.IsPostgres) // SQLite keeps writing through a file it has open when its folder moves
        {
            cut.Notifications.Add(new Notification { Title = "停库演练", Source = "tests.outage", CreatedAt = DateTime.UtcNow });
            var failed = await Record.ExceptionAsync(() => cut.SaveChangesAsync());
            Assert.True(failed is not null && DatabaseOutage.IsUnavailable(failed), failed?.ToString() ?? "the save went through");
        }

        var page = await staff.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("服务暂时不可用", await page.Content.ReadAsStringAsync());
        Assert.NotNull(page.Headers.RetryAfter);

        var api = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "street", password = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("服务暂时不可用", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var ready = await anon.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("无法连接数据库", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/health")).StatusCode);

        outage.Start();

        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/")).StatusCode);
        var token = await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "street", password = DemoSetup.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    /// <summary>A database of this run's provider that the test can take away and give back.</summary>
    sealed class Outage : IDisposable
    {
        public string ConnectionString { get; }
        readonly UnixSocketProxy? proxy;
        readonly string? folder;

        public Outage()
        {
            if (TestDatabase.IsPostgres)
            {
                var real = new NpgsqlConnectionStringBuilder(TestDatabase.Create());
                proxy = new UnixSocketProxy(Path.Combine(real.Host!, $".s.PGSQL.{real.Port}"), real.Port);
                ConnectionString = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Host = proxy.Folder }.ConnectionString;
            }
            else
            {
                folder = Directory.CreateTempSubdirectory("lx-outage-").FullName;
                ConnectionString = $"Data Source={Path.Combine(folder, "lianxin.db")};Pooling=False";
            }
        }

        public void Stop()
        {
            if (proxy is not null) proxy.Stop();
            else Directory.Move(folder!, folder + ".away");
        }

        public void Start()
        {
            if (proxy is not null) proxy.Start();
            else Directory.Move(folder + ".away", folder!);
        }

        public void Dispose()
        {
            proxy?.Dispose();
            if (folder is not null && Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    sealed class AppOn(string cs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", TestDatabase.Provider);
            builder.UseSetting("Database:ConnectionString", cs);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Jobs:Enabled", "false");
        }
    }
}
