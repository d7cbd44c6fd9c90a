namespace Lianxin.Web.Platform.Shell;

/// <summary>A small mark a module puts beside an org unit's name (the Reviews module: its current star level).</summary>
public record UnitBadge(string Text, string Title, string? Url = null, string Css = "text-bg-warning");

/// <summary>
/// The seam between the org tree and modules that know something about units: a module registers a source
/// (<c>services.AddScoped&lt;IUnitBadgeSource, …&gt;()</c>) and the Organizations pages show what it answers,
/// without reading that module's tables.
/// </summary>
public interface IUnitBadgeSource
{
    /// <summary>Badges for those of <paramref name="unitIds"/> that have one, read within the caller's scope.</summary>
    Task<IReadOnlyDictionary<Guid, UnitBadge>> ForAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct);
}

/// <summary>The badges of every source, asked once per request for each unit (the tree asks level by level).</summary>
public class UnitBadges(IEnumerable<IUnitBadgeSource> sources)
{
    readonly Dictionary<Guid, List<UnitBadge>> known = [];

    public async Task LoadAsync(IEnumerable<Guid> unitIds, CancellationToken ct = default)
    {
        var missing = unitIds.Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        foreach (var id in missing) known[id] = [];
        foreach (var source in sources)
            foreach (var (id, badge) in await source.ForAsync(missing, ct))
                if (known.TryGetValue(id, out var list)) list.Add(badge);
    }

    public async Task<IReadOnlyList<UnitBadge>> ForAsync(Guid unitId, CancellationToken ct = default)
    {
        await LoadAsync([unitId], ct);
        return known[unitId];
    }

    /// <summary>Only what <see cref="LoadAsync"/> already fetched (for synchronous rendering inside a loop).</summary>
    public IReadOnlyList<UnitBadge> Loaded(Guid unitId) => known.TryGetValue(unitId, out var list) ? list : [];
}
