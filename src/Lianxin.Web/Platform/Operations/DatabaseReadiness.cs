using Lianxin.Migrations;
using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lianxin.Web.Platform.Operations;

/// <summary>
/// Readiness: the database answers and every migration this build carries is applied. An instance started on a newer
/// build against an older schema (or a database that went away) is taken out of the load balancer, not restarted.
/// </summary>
public sealed class DatabaseReadiness(LianxinDb db, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var pending = await MigrationRunner.PendingAsync(db.Database.GetDbConnection(), options.MigrationSet, ct);
                return pending.Count == 0
                    ? HealthCheckResult.Healthy($"数据库可用（{options.MigrationSet}），迁移已全部应用")
                    : HealthCheckResult.Unhealthy($"数据库有 {pending.Count} 个迁移尚未应用（{string.Join("、", pending)}）：请运行 migrate 命令或重启应用");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception e) when (DatabaseOutage.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("无法连接数据库", e);
        }
    }
}
