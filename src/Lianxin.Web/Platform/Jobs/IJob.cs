namespace Lianxin.Web.Platform.Jobs;

/// <summary>
/// A background job: one pass for one tenant. A module registers it with one line (<c>services.AddJob&lt;T&gt;()</c>);
/// <see cref="JobHost"/> resolves it from a fresh DI scope whose <see cref="Scope.OrgScope"/> is the system of that
/// tenant, under the lease of that job and tenant (ADR 0014).
/// </summary>
public interface IJob
{
    /// <summary>The lease and log name, <c>module.what</c> (at most 60 characters).</summary>
    static abstract string Name { get; }

    /// <summary>The pause between the end of one pass and the start of the next.</summary>
    static abstract TimeSpan Period { get; }

    /// <summary>One pass for the tenant; answers how many things it did (logs and tests read it).</summary>
    Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct);
}

/// <summary>What <see cref="JobHost"/> knows of a registered job.</summary>
public sealed record JobRegistration(string Name, TimeSpan Period, Func<IServiceProvider, Guid, CancellationToken, Task<int>> RunOnceAsync);

public class JobOptions
{
    /// <summary>False: no loops run (the test host); passes run only when called, e.g. <see cref="JobHost.RunAsync{T}"/>.</summary>
    public bool Enabled { get; set; } = true;
}

public static class JobsSetup
{
    public static IServiceCollection AddLianxinJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Jobs").Get<JobOptions>() ?? new JobOptions());
        services.AddSingleton<JobHost>();
        services.AddHostedService(sp => sp.GetRequiredService<JobHost>());
        return services;
    }

    /// <summary>Registers a job; <see cref="JobHost"/> runs it for every tenant every <see cref="IJob.Period"/>.</summary>
    public static IServiceCollection AddJob<T>(this IServiceCollection services) where T : class, IJob
    {
        services.AddScoped<T>();
        services.AddSingleton(new JobRegistration(T.Name, T.Period, (sp, tenant, ct) => sp.GetRequiredService<T>().RunOnceAsync(tenant, ct)));
        return services;
    }
}
