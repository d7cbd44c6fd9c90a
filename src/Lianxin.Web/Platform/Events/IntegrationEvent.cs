namespace Lianxin.Web.Platform.Events;

/// <summary>
/// Something that happened in one module that others may react to (ADR 0017). A module publishes its events in its
/// Contracts/ as records deriving from this; subscribers in other modules implement <see cref="IEventHandler{TEvent}"/>.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}

/// <summary>Reacts to <typeparamref name="TEvent"/>; called at least once per event, so it must be safe to repeat the
/// effect only through the inbox (<see cref="EventDispatcher"/> records each handled event in the same transaction).</summary>
public interface IEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent e, CancellationToken ct);
}
