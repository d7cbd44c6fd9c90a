namespace Lianxin.Web.Platform.Units;

/// <summary>An org unit as Platform needs it (grants, the shell, the CLI).</summary>
/// <param name="CompoundBranch">A compound branch (小区党支部): the only unit a 小区党支部书记 may be granted at.</param>
public record UnitInfo(Guid Id, string Path, string Name, bool Active, int Depth, bool CompoundBranch = false);

/// <summary>
/// What Platform asks of the org tree. Platform may not name a module (ADR 0016), so it declares what it needs
/// and the Organizations module answers it; modules use Organizations' richer <c>Contracts/OrgDirectory</c>.
/// </summary>
public interface IUnitDirectory
{
    /// <summary>The unit, when it lies in the caller's scope.</summary>
    Task<UnitInfo?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Short names of units of the caller's district, seen or not (a grant at a unit above the caller is still named).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The name of one unit, read once per request (the header names every unit the user holds a role at).</summary>
    Task<string> NameOfAsync(Guid id, CancellationToken ct);

    /// <summary>Active units under any of <paramref name="roots"/>, in tree order.</summary>
    Task<IReadOnlyList<UnitInfo>> ActiveUnderAsync(IReadOnlyCollection<string> roots, CancellationToken ct);

    /// <summary>
    /// The district's active streets and communities in tree order, named as residents know them ("东湖街道", not
    /// "东湖街道党工委"): the public boards the front door lists to anonymous visitors.
    /// </summary>
    Task<IReadOnlyList<UnitInfo>> PublicUnitsAsync(CancellationToken ct);

    /// <summary>The root unit of a new district (a tenant); the caller's scope is that tenant's system scope.</summary>
    Task<UnitInfo> CreateDistrictAsync(string name, CancellationToken ct);
}
