using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// <c>/health</c> is liveness: the process answers, nothing more, so a database outage never makes an orchestrator
/// restart every instance. <c>/health/ready</c> is readiness: the database and its migrations (ADR 0031).
/// </summary>
public static class HealthEndpoints
{
    const string Ready = "ready";

    public static IServiceCollection AddLianxinHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static void MapLianxinHealth(this WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Ok("healthy")).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>Status and each check's description; never the exception (it would show server names to anyone).</summary>
    static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, ms = (int)e.Value.Duration.TotalMilliseconds }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
