namespace Lianxin.Web.Platform.Data;

/// <summary>Every tenant table: a v7 Guid id and the district it belongs to.</summary>
public abstract class Entity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
}

/// <summary>A row that belongs to an org unit: the named <c>scope</c> filter (<see cref="QueryFilters"/>) hides it outside the caller's subtrees, and a scope index comes with it.</summary>
public interface IOrgScoped
{
    string OrgPath { get; }
}

/// <summary>A record several people edit: <see cref="Version"/> is a concurrency token bumped on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
