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

    /// <summary>
    /// Whether a pass for the tenant would find anything to do: one cheap read, asked before the lease is taken, so an
    /// idle pass writes nothing (ADR 0052). A job that runs every few seconds answers it; the default says yes, so a
    /// pass always runs. It may answer yes when another instance takes the work first (the pass then finds none);
    /// it must not answer no while work waits, since only the next pass would see it.
    /// </summary>
    Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct) => Task.FromResult(true);
}

/// <summary>What <see cref="JobHost"/> knows of a registered job.</summary>
public sealed record JobRegistration(string Name, TimeSpan Period, Func<IServiceProvider, Guid, CancellationToken, Task<bool>> HasWorkAsync,
    Func<IServiceProvider, Guid, CancellationToken, Task<int>> RunOnceAsync);

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
        services.AddSingleton(new JobRegistration(T.Name, T.Period, (sp, tenant, ct) => sp.GetRequiredService<T>().HasWorkAsync(tenant, ct),
            (sp, tenant, ct) => sp.GetRequiredService<T>().RunOnceAsync(tenant, ct)));
        return services;
    }
}
