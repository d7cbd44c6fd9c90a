using System.Net;
using System.Net.Sockets;
using Lianxin.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Lianxin.E2E;

/// <summary>
/// The app on real Kestrel over a fresh SQLite file with the demo district, and Debian's Chromium
/// driven by Playwright (Playwright cannot download its own browser here).
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string BaseUrl { get; }
    public static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    readonly string db = Path.Combine(Path.GetTempPath(), "lianxin-e2e", Guid.NewGuid().ToString("N") + ".db");
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public BrowserApp()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        Directory.CreateDirectory(Shots);
        UseKestrel(port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={db}");
        builder.UseSetting("Demo:Enabled", "true");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        // The first requests of a cold host (JIT, EF model, first queries) once took a minute on a shared machine:
        // warm it here, outside any test's timeout.
        using (var warm = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(3) })
        {
            (await warm.GetAsync("/account/login")).EnsureSuccessStatusCode();
            (await warm.GetAsync("/public/demands/new")).EnsureSuccessStatusCode();
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser page, desktop or phone width, signed in as a demo account when one is named.</summary>
    public async Task<IPage> PageAs(string? userName, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 900 },
        });
        // Shared 2-core machines stall now and then; a minute is still far below anything a person would wait through twice.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        if (userName is null) return page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DemoSetup.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        return page;
    }

    public static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
