using Lianxin.Web.Platform.Jobs;

namespace Lianxin.Web.Platform.Audit;

public static class AuditSetup
{
    /// <summary>The audit chain's keys, checkpoint file and checkpoint job (ADR 0029).</summary>
    public static IServiceCollection AddLianxinAudit(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions());
        services.AddSingleton(sp => AuditKeys.FromConfiguration(config, sp.GetRequiredService<DemoOptions>().Enabled));
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditChain>();
        services.AddJob<AuditCheckpointJob>();
        return services;
    }
}
