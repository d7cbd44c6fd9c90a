using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// The database cannot be reached (server stopped, socket gone, file system lost, locked past its timeout): the caller
/// gets 503 with a Retry-After, a Chinese page or a ProblemDetails, instead of a 500 (ADR 0031). It sits inside the
/// error handlers and writes its answer itself, without touching the database: the /error page would load the
/// signed-in person's grants first and fail the same way. The next request simply tries again, so the app recovers
/// on its own when the database is back.
/// </summary>
public sealed class DatabaseOutage(RequestDelegate next, ILogger<DatabaseOutage> log, LianxinMetrics metrics)
{
    public const int RetryAfterSeconds = 15;

    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
        }
        catch (Exception e) when (IsUnavailable(e) && !ctx.Response.HasStarted)
        {
            log.LogError(e, "Database unavailable: {Method} {Path} answered 503", ctx.Request.Method, ctx.Request.Path);
            metrics.DatabaseUnavailable();
            ForgetPooledConnections(ctx);
            ctx.Response.Clear();
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
            ctx.Response.Headers.CacheControl = "no-store";
            if (ctx.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(statusCode: 503, title: "服务暂时不可用", type: "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                    detail: $"系统暂时无法连接数据库，您的请求未能完成，请约 {RetryAfterSeconds} 秒后重试。").ExecuteAsync(ctx);
            else
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.WriteAsync(Page, ctx.RequestAborted);
            }
        }
    }

    /// <summary>
    /// True when the error says the database could not be reached, as opposed to a rule the database enforced. The
    /// driver's error may come wrapped: EF's DbUpdateException, the execution strategy's InvalidOperationException
    /// ("likely due to a transient failure") or RetryLimitExceededException, an AggregateException; all of it is searched.
    /// </summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        AggregateException all => all.InnerExceptions.Any(IsUnavailable),
        // Connection errors (class 08), the server shutting down, crashed or starting up (57P0x), out of connections,
        // disk or memory (class 53), an I/O error on the server (class 58).
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P0", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal) || pg.SqlState.StartsWith("58", StringComparison.Ordinal),
        // Any other Npgsql error is on the way to the server: refused, reset, timed out, pool exhausted.
        NpgsqlException => true,
        // A connection that broke inside a transaction ends that transaction; the save's next command then finds it
        // completed (seen in the outage drill, from a maintained aggregate's statement after the rows were sent).
        InvalidOperationException { Source: "Npgsql", Message: "Transaction is already completed" } => true,
        // SQLITE_BUSY after the busy timeout, SQLITE_IOERR, SQLITE_CANTOPEN (the file or its folder is gone).
        SqliteException s => s.SqliteErrorCode is 5 or 10 or 14,
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>Pooled connections to a server that went away are dead: drop them so the first request after it is back works.</summary>
    static void ForgetPooledConnections(HttpContext ctx)
    {
        try
        {
            if (ctx.RequestServices.GetService<LianxinDb>()?.Database.GetDbConnection() is NpgsqlConnection pg) NpgsqlConnection.ClearPool(pg);
        }
        catch (Exception) { /* the answer matters more than the cleanup */ }
    }

    // Self-contained (inline style, no layout, no database): it must render while everything behind the app is down.
    static readonly string Page = $$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>服务暂时不可用 · 连心</title>
        <style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f6f7f9;color:#222;margin:0}
        main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px rgba(0,0,0,.08);text-align:center}
        .code{font-size:2.5rem;font-weight:700;color:#b02a37}h1{font-size:1.35rem}p{color:#555;line-height:1.7}
        a{display:inline-block;margin-top:1rem;padding:.5rem 1.25rem;background:#b02a37;color:#fff;border-radius:.4rem;text-decoration:none}</style>
        </head><body><main>
        <div class="code">503</div>
        <h1>服务暂时不可用</h1>
        <p>系统暂时无法连接数据库，您刚才的操作未能完成。<br>
        这通常是短暂的维护或故障，请约 {{RetryAfterSeconds}} 秒后重试；如持续出现，请联系系统管理员。</p>
        <a href="">重新加载</a>
        </main></body></html>
        """;
}
