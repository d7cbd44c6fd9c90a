using System.Data.Common;

namespace Lianxin.Bench.Scenarios;

/// <summary>How a request signs in: a bearer token (the API) or the login cookie (pages).</summary>
public enum Caller { Api, Page }

/// <summary>One SQL statement of a baseline, with its parameters (named <c>@x</c>; quote columns as <c>"Name"</c>: both providers read that).</summary>
public sealed record Sql(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public Sql(string text, params (string Name, object? Value)[] parameters)
        : this(text, parameters.ToDictionary(p => p.Name, p => p.Value)) { }
}

/// <summary>Raw SQL to hold the app against: its statements run in order on one connection, every row and column read.</summary>
public sealed record Baseline(string Name, IReadOnlyList<Sql> Statements);

/// <summary>
/// One thing a user does, measured over HTTP (the app answering <see cref="Path"/>, GET) and as each of its
/// <see cref="Baselines"/> run as raw SQL on the same database, in alternating rounds.
/// <see cref="Check"/>, when given, looks at the first successful response body and returns a problem or null.
/// With <see cref="Revalidate"/> every request sends the first answer's ETag back in If-None-Match, as a client that keeps its
/// copy does (ADR 0063); its 304s count as answers, not failures.
/// </summary>
public sealed record Operation(string Name, string Path, Caller Caller, IReadOnlyList<Baseline> Baselines, Func<string, string?>? Check = null)
{
    public bool Revalidate { get; init; }

    /// <summary>An operation with one baseline, named "baseline".</summary>
    public Operation(string name, string path, Caller caller, IReadOnlyList<Sql> baseline, Func<string, string?>? check = null)
        : this(name, path, caller, [new Baseline("baseline", baseline)], check) { }
}

/// <summary>
/// What a scenario may use while it prepares: the loaded database and its district, and the running app signed in as the
/// bench user (<see cref="Api"/>, bearer) for targets only the app can make, such as a signed 大屏 link.
/// </summary>
public sealed class ScenarioContext(BenchDatabase database, DbConnection connection, Guid tenantId, BenchOptions options, HttpClient api)
{
    public HttpClient Api { get; } = api;
    public BenchOptions Options { get; } = options;
    public BenchDatabase Database { get; } = database;
    public DbConnection Connection { get; } = connection;
    public Guid TenantId { get; } = tenantId;
    /// <summary>The app's background jobs (their lease names), for a loader that must keep them off while it writes (<see cref="JobsPause"/>).</summary>
    public IReadOnlyList<string> JobNames { get; init; } = [];

    /// <summary>An id as a SQL parameter value of this provider.</summary>
    public object Id(Guid id) => Database.Id(id);

    /// <summary>The first row of a query as column name → value, or null.</summary>
    public async Task<Dictionary<string, object?>?> RowAsync(Sql sql, CancellationToken ct = default)
    {
        await using var cmd = BaselineRunner.Command(Connection, sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    }
}

/// <summary>
/// A named benchmark: it picks its targets in the loaded district and lists its operations.
/// Add one by writing a subclass in this folder and listing it in <see cref="ScenarioCatalog.All"/>.
/// </summary>
public abstract class Scenario
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract Task<IReadOnlyList<Operation>> PrepareAsync(ScenarioContext ctx, CancellationToken ct);
}

public static class ScenarioCatalog
{
    public static readonly Scenario[] All = [new OrgTreeScenario(), new ReviewAggregateScenario(), new DemandListScenario(), new DemandFiguresScenario(), new RollupsScenario()];

    public static Scenario Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown scenario {name}; known: {string.Join(", ", All.Select(s => s.Name))}");
}
