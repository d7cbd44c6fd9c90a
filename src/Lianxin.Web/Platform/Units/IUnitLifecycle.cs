using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Units;

/// <summary>
/// A module's part when an org unit moves or is dissolved (ADR 0016). The Organizations module calls every registered
/// handler inside the move's own transaction (an in-process seam, not the outbox: scope must never see half-moved rows).
/// Register with <c>services.AddScoped&lt;IUnitLifecycle, …&gt;()</c>.
/// </summary>
public interface IUnitLifecycle
{
    /// <summary>Rewrites the module's paths under <paramref name="oldRoot"/> onto <paramref name="newRoot"/>, one set-based
    /// UPDATE per table (<see cref="PathRebase.RebaseAsync{T}"/>); answers the rows changed per table, for the move's audit entry.</summary>
    Task<IReadOnlyDictionary<string, int>> RebaseAsync(LianxinDb db, string oldRoot, string newRoot, CancellationToken ct);

    /// <summary>What the module still holds live at or below <paramref name="path"/> ("3 名在册党员"), or null. Dissolving waits for every module to answer null.</summary>
    Task<string?> LiveRecordsAsync(LianxinDb db, string path, CancellationToken ct);
}
