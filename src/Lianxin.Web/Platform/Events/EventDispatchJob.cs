using Lianxin.Web.Platform.Jobs;

namespace Lianxin.Web.Platform.Events;

/// <summary>Delivers each tenant's outbox events every few seconds, under the job's lease (one instance per tenant at a time).</summary>
public class EventDispatchJob(EventDispatcher dispatcher) : IJob
{
    public static string Name => "platform.events";
    public static TimeSpan Period => TimeSpan.FromSeconds(3);

    public Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct) => dispatcher.DispatchAsync(tenantId, ct);
}
