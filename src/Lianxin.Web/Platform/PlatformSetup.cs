using System.Globalization;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Calendar;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Localization;
using Lianxin.Web.Platform.Modules;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Notifications;
using Lianxin.Web.Platform.Operations;
using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Platform.Scope;
using Lianxin.Web.Platform.Security;
using Lianxin.Web.Platform.Shell;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform;

/// <summary>The host's shared services and pipeline; modules add theirs in their own *Module.cs.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddLianxinPlatform(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env, IReadOnlyList<IModule> modules)
    {
        services.AddSingleton(new ModuleCatalog(modules));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<Lists.ListOptions>(config.GetSection("Lists"));
        services.AddScoped<Security.CspNonce>();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        // Chinese text goes out as text, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLianxinDatabase(config, env.ContentRootPath);
        services.AddSingleton<Tenancy>();
        services.AddScoped<OrgScope>();
        services.AddScoped<SecurityLog>();
        services.AddLianxinAudit(config);
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton(config.GetSection("SignIn:Throttle").Get<SignInThrottleOptions>() ?? new SignInThrottleOptions());
        services.AddSingleton<Text>();
        services.AddSingleton<Navigation>();
        services.AddScoped<UnitBadges>();
        services.AddScoped<Indicators.IndicatorCatalog>();
        services.AddScoped<Units.IUnitLifecycle, Units.PlatformUnitLifecycle>();
        services.AddSingleton<Events.EventDispatcher>();
        services.AddJob<Events.EventDispatchJob>();
        services.AddLianxinIdentity();
        services.AddLianxinJobs(config);
        services.AddLianxinNotifications();
        services.AddLianxinHealth();
        services.AddLianxinMetrics();
        services.AddAuthorization();

        // Stateless web tier: the key ring in the database, so every instance on it reads the others' cookies (ADR 0038).
        services.AddLianxinDataProtection();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
        });
        services.AddBadRequestAnswers();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            if (ctx.Exception is BadHttpRequestException bad)
            {
                // Shaped like a ValidationProblem: the field and what is wrong with it.
                var errors = BadRequests.Describe(bad);
                p.Title = "提交的内容有误";
                p.Detail = errors.Values.First()[0];
                p.Extensions["errors"] = errors;
            }
            else if (ctx.Exception is DbUpdateConcurrencyException) p.Detail = Failure.StaleMessage;
            else if (ctx.Exception is { } e && DatabaseConflict.Is(e)) p.Detail = DatabaseConflict.Message;
            // The framework's English default titles, said in Chinese; titles a feature set itself stay.
            if (p.Title is null || p.Title.All(char.IsAscii))
                p.Title = p.Status switch
                {
                    400 => "提交的内容有误",
                    401 => "未登录或登录已过期",
                    403 => "没有权限进行此操作",
                    404 => "记录不存在或不在您的管辖范围内",
                    409 => "操作与当前状态冲突",
                    _ => p.Status >= 500 ? "服务器内部错误，已记录" : p.Title,
                };
        });
        // Minimal API request records are validated from their DataAnnotations: a 400 ValidationProblem, handler not run.
        services.AddValidation();
        services.AddLianxinOpenApi();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Text.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // A link may carry ?culture=en (shared or bookmarked); then the switch's cookie; then the browser's language,
            // so a visitor whose browser asks for English gets it before finding the switch. Chinese otherwise.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddSingleton(new NavItem("审计日志", "/audit", "bi-shield-check", Permission.AuditView, 900));
        services.AddSingleton(new NavItem("用户与角色", "/users", "bi-people", Permission.UserManage, 800));
        services.AddSingleton(new NavItem("工作日历", "/calendar", "bi-calendar3", Permission.CalendarManage, 850));
        foreach (var module in modules) module.AddServices(services, config);
        return services;
    }

    /// <summary>Migrations, then the demo district where demo mode is on, then the tenant.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, Func<IServiceProvider, Task> seed)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await seed(app.Services);
        using var scope = app.Services.CreateScope();
        await app.Services.GetRequiredService<Tenancy>().LoadAsync(scope.ServiceProvider.GetRequiredService<LianxinDb>());
    }

    public static WebApplication UseLianxinPlatform(this WebApplication app)
    {
        // Behind nginx (deploy/nginx-lianxin.conf) the caller is the address nginx forwards: rate limits per client, the
        // security log and the /metrics guard see the person, not 127.0.0.1. Proxies other than loopback are listed in
        // ReverseProxy:KnownProxies (ADR 0031).
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        app.UseForwardedHeaders(forwarded);
        // Next (after the forwarded scheme is known, for HSTS and Secure cookies), so that every response (error pages and static files too) carries the security headers.
        app.UseMiddleware<Security.SecurityHeaders>();
        // Pages get a Chinese error page, the API a ProblemDetails; never a stack trace.
        static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf, SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            // The error page shows the status chosen here: a request that could not be read is a 400 page, not the 500 one.
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf, SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        // Inside the error handlers: a database outage is a 503 this middleware answers itself (ADR 0031).
        app.UseMiddleware<DatabaseOutage>();
        app.Use(ControlCharacters.RefuseInQueryString);
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.Use(CultureModel.RememberQueryCulture);
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<OrgScopeMiddleware>();
        app.UseMiddleware<Security.CookieApiAntiforgery>();
        app.UseLianxinMetrics();
        app.UseMiddleware<AccessDeniedLog>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// Two people saved the same record, or their transactions deadlocked: a 409, never a silent overwrite; a request that could
    /// not be read: the client's 4xx.
    /// </summary>
    static int StatusOf(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ when DatabaseConflict.Is(ex) => StatusCodes.Status409Conflict,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static WebApplication MapLianxinPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapLianxinHealth();
        app.MapRazorPages();
        app.MapAuthApi();
        app.MapAuditApi();
        app.MapNotificationsApi();
        app.MapCalendarApi();
        app.MapFilesApi();
        Identity.Users.UsersApi.MapUsersApi(app);
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules) module.MapEndpoints(app);
        return app;
    }
}
