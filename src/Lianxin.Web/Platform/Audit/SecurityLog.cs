using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Audit;

/// <summary>Sign-ins, failures, lock-outs and denied accesses go into the same hash-chained log as data changes.</summary>
public class SecurityLog(LianxinDb db, Tenancy tenancy, TimeProvider clock, IHttpContextAccessor http, ILogger<SecurityLog> logger)
{
    public async Task WriteAsync(AuditAction action, string userName, Guid? userId = null, Guid? tenantId = null, string? detail = null)
    {
        logger.LogInformation("Security {Action} for {UserName}: {Detail}", action, userName, detail);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenantId is { } t && t != Guid.Empty ? t : tenancy.DefaultTenantId,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userName,
            Entity = "Account",
            EntityId = userName.Length > 100 ? userName[..100] : userName,
            Action = action,
            After = detail,
            Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
    }
}
