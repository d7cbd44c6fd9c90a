using System.Net;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Scope;
using OpenTelemetry.Metrics;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// <c>/metrics</c>: ASP.NET Core's request rate, latency and status codes, Kestrel's connections and <see cref="LianxinMetrics"/>
/// as Prometheus text. Only a scraper on the same machine (loopback, not forwarded by a proxy) or a signed-in holder of
/// <see cref="Permission.MetricsView"/> reads it; anyone else gets the ordinary 404 page, as for a page that does not exist.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddLianxinMetrics(this IServiceCollection services)
    {
        services.AddSingleton<LianxinMetrics>();
        services.AddScoped<OutboxLag>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", LianxinMetrics.MeterName)
            // No response cache (the exporter's default is 300 ms): every scrape, by Prometheus or an admin, reads the figures now.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>After authentication and the org scope: an admin's cookie or token is known here.</summary>
    public static void UseLianxinMetrics(this WebApplication app) =>
        app.UseWhen(ctx => ctx.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase), metrics =>
        {
            metrics.Use(async (ctx, next) =>
            {
                if (!Allowed(ctx))
                {
                    ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await ctx.RequestServices.GetRequiredService<OutboxLag>().RefreshAsync(ctx.RequestAborted);
                await next(ctx);
            });
            metrics.UseOpenTelemetryPrometheusScrapingEndpoint();
        });

    /// <summary>
    /// Behind nginx on the same machine every request comes from loopback: one carrying a forwarding header came from
    /// elsewhere, so it counts as remote (the nginx example also refuses /metrics).
    /// </summary>
    public static bool Allowed(HttpContext ctx)
    {
        var direct = ctx.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
            && !ctx.Request.Headers.ContainsKey("X-Forwarded-For") && !ctx.Request.Headers.ContainsKey("Forwarded");
        return direct || ctx.RequestServices.GetRequiredService<OrgScope>().CanAnywhere(Permission.MetricsView);
    }
}
