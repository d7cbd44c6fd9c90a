using System.Text.Json;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Events;

/// <summary>One subscription: which handler (by name, for the inbox) reacts to which event type.</summary>
public sealed record EventSubscription(string EventType, Type EventClr, string Handler, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Invoke);

public static class EventBus
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The name an event travels under: its type's name (event records are named for what happened, once in the whole app).</summary>
    public static string NameOf(Type eventType) => eventType.Name;

    /// <summary>Adds the event to the outbox; it is saved by the caller's SaveChanges, in the caller's transaction.</summary>
    public static void Publish<TEvent>(this LianxinDb db, TEvent e, DateTime now) where TEvent : IntegrationEvent =>
        db.OutboxEvents.Add(new OutboxEvent
        {
            Id = e.EventId, Type = NameOf(typeof(TEvent)), Payload = JsonSerializer.Serialize(e, Json), OccurredAt = now,
        });

    public static IntegrationEvent Read(EventSubscription s, string payload) =>
        (IntegrationEvent)JsonSerializer.Deserialize(payload, s.EventClr, Json)!;

    /// <summary>A module subscribes to another module's event with one explicit line in its AddServices.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IntegrationEvent where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventSubscription(NameOf(typeof(TEvent)), typeof(TEvent), typeof(THandler).FullName!,
            (sp, e, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)e, ct)));
        return services;
    }
}
