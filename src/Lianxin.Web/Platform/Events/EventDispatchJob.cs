using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Events;

/// <summary>Delivers each tenant's outbox events every few seconds, under the job's lease (one instance per tenant at a time).</summary>
public class EventDispatchJob(EventDispatcher dispatcher, LianxinDb db) : IJob
{
    public static string Name => "platform.events";
    public static TimeSpan Period => TimeSpan.FromSeconds(3);

    public Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct) => dispatcher.DispatchAsync(tenantId, ct);

    /// <summary>Any event not yet delivered (the outbox's (tenant, dispatched, occurred) index answers it).</summary>
    public Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct) => db.OutboxEvents.AnyAsync(e => e.DispatchedAt == null, ct);
}
