using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Events;

/// <summary>An event waiting in the outbox, written in the same transaction as the change it reports.</summary>
public class OutboxEvent : Entity
{
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One handler's receipt of one event: the inbox that makes at-least-once delivery take effect once.</summary>
public class InboxEntry : Entity
{
    public Guid EventId { get; set; }
    public string Handler { get; set; } = "";
    public DateTime HandledAt { get; set; }
}

public static class EventTables
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OutboxEvent>(e =>
        {
            e.ToTable("plt_events");
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Payload).HasMaxLength(4000);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.TenantId, x.DispatchedAt, x.OccurredAt });
        });
        b.Entity<InboxEntry>(e =>
        {
            e.ToTable("plt_event_inbox");
            e.Property(x => x.Handler).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.EventId, x.Handler }).IsUnique();
        });
    }

    extension(LianxinDb db)
    {
        public DbSet<OutboxEvent> OutboxEvents => db.Set<OutboxEvent>();
        public DbSet<InboxEntry> InboxEntries => db.Set<InboxEntry>();
    }
}
