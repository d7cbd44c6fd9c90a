using System.Text;
using System.Text.Json.Nodes;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Security;

/// <summary>Where a probe's ids come from: 和平社区 (the home of most demo accounts) is <c>in</c>, 幸福社区 (its neighbour) is <c>out</c>.</summary>
public record ProbeScope(string Name, string Path, string CommunityId, string StreetId, string BranchId);

/// <summary>
/// Fills an operation's path, query and body from the OpenAPI document and <c>permission-ids.csv</c> (which demo record a
/// path parameter names). Shared by the permission matrix and the bad-input walk.
/// </summary>
public class ProbeRequests(ProbeApp app, OpenApiDocument doc, IReadOnlyDictionary<string, string> sources)
{
    // Read by probes side by side.
    readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> ids = [];
    public List<string> Unmapped { get; } = [];

    public static IReadOnlyDictionary<string, string> LoadSources() =>
        Tables.ReadCsv(Tables.Path("permission-ids.csv")).ToDictionary(r => r[0], r => r[1]);

    public static async Task<(ProbeScope In, ProbeScope Out)> ScopesAsync(ProbeApp app)
    {
        async Task<ProbeScope> Of(string name, string community)
        {
            var path = (await app.IdAsync($"SELECT \"Path\" FROM org_units WHERE \"Name\" = '{community}'", ""))!;
            var unit = (await app.IdAsync($"SELECT \"Id\" FROM org_units WHERE \"Path\" = @path", path))!;
            var street = (await app.IdAsync("SELECT \"Id\" FROM org_units WHERE \"Kind\" = 'Street' AND @path LIKE \"Path\" || '%'", path))!;
            // By name: paths are made of ids, which are new in every database.
            var branches = await app.RowsAsync("SELECT \"Id\", \"Name\" FROM org_units WHERE \"Kind\" = 'Branch' AND \"Path\" LIKE @path || '%'", path);
            var branch = First(branches, $"first branch of {community}")!.ToString()!.ToLowerInvariant();
            return new(name, path, unit, street, branch);
        }
        // Paths are stored as written; the demo names its communities' party committees so.
        return (await Of("in", "中共和平社区委员会"), await Of("out", "中共幸福社区委员会"));
    }

    /// <summary>
    /// The id of the row that sorts first by its other columns (text by code point, so both providers agree), or null for
    /// none. A tie would make the choice depend on ids, which are new in every database: it is refused.
    /// </summary>
    static object? First(List<object?[]> rows, string what = "")
    {
        if (rows.Count == 0) return null;
        rows.Sort((a, b) => Compare(a, b));
        if (rows.Count > 1 && Compare(rows[0], rows[1]) == 0)
            lock (Ties) Ties.Add($"{what}: two records tie on ({string.Join(", ", rows[0].Skip(1))})");
        return rows[0][0];
    }

    static readonly List<string> Ties = [];

    static int Compare(object?[] a, object?[] b)
    {
        for (var i = 1; i < a.Length; i++)
        {
            var c = (a[i], b[i]) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                (string x, string y) => string.CompareOrdinal(x, y),
                var (x, y) => Comparer<object>.Default.Compare(x, y),
            };
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Looks up every record the operations name, in and out of scope, before any probe writes (ADR 0028).</summary>
    /// <param name="refuseTies">The matrix's table must read the same records in every run; the walk only needs real ones
    /// (it runs on the same database after the matrix, whose writes may add a namesake).</param>
    public async Task ResolveAsync(IEnumerable<ApiOperation> operations, bool refuseTies, params ProbeScope[] scopes)
    {
        lock (Ties) Ties.Clear();
        foreach (var op in operations)
            foreach (var scope in scopes)
                await PathAsync(op, scope);
        lock (Ties)
            if (refuseTies && Ties.Count > 0)
                throw new InvalidOperationException("Name more columns in permission-ids.csv (ids are new in every database):\n" + string.Join('\n', Ties));
    }

    /// <summary>Does the operation name a record (so in and out of scope differ)?</summary>
    public static bool NamesRecord(ApiOperation op) => op.Parameters.Any(p => p.In == "path" && p.Format == "uuid")
        || op.Parameters.Any(p => p.In == "query" && p.Required && p.Format == "uuid");

    public async Task<string> PathAsync(ApiOperation op, ProbeScope scope)
    {
        var path = op.Path;
        var at = 0;
        while ((at = path.IndexOf('{', at)) >= 0)
        {
            var end = path.IndexOf('}', at);
            var name = path[(at + 1)..end];
            var prefix = op.Path[..(op.Path.IndexOf('{' + name + '}') + name.Length + 2)];
            var value = await ValueAsync(prefix, scope);
            path = path[..at] + Uri.EscapeDataString(value) + path[(end + 1)..];
            at += value.Length;
        }
        return path;
    }

    async Task<string> ValueAsync(string prefix, ProbeScope scope)
    {
        if (!sources.TryGetValue(prefix, out var source))
        {
            lock (Unmapped) Unmapped.Add(prefix);
            return Guid.NewGuid().ToString();
        }
        if (source.StartsWith("value:", StringComparison.Ordinal)) return source[6..];
        if (source == "none") return Guid.NewGuid().ToString();
        if (ids.TryGetValue((prefix, scope.Name), out var known)) return known;
        string id;
        if (source.StartsWith("unit:", StringComparison.Ordinal))
            id = source[5..] switch { "Community" => scope.CommunityId, "Street" => scope.StreetId, _ => scope.BranchId };
        else
        {
            // "table Column…": the community's records by those columns; sql: a query returning the id, then its columns.
            var sql = source.StartsWith("sql:", StringComparison.Ordinal) ? source[4..]
                : source.Split(' ') is var parts && parts.Length > 1
                    ? $"SELECT \"Id\", {string.Join(", ", parts.Skip(1).Select(c => $"\"{c}\""))} FROM {parts[0]} WHERE \"OrgPath\" LIKE @path || '%'"
                    : throw new InvalidOperationException($"permission-ids.csv: {prefix} names a table without the columns to pick a record by.");
            // No such record in this community of the demo: a well-formed id of nothing, answered as not found.
            id = First(await app.RowsAsync(sql, scope.Path), $"{prefix} ({scope.Name})")?.ToString()?.ToLowerInvariant() ?? Guid.Empty.ToString();
        }
        ids[(prefix, scope.Name)] = id;
        return id;
    }

    /// <summary>Required query parameters with plausible values (units of the scope, this year, page one).</summary>
    public string Query(ApiOperation op, ProbeScope scope)
    {
        var parts = op.Parameters.Where(p => p.In == "query" && p.Required)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Plausible(p.Name, p.Type, p.Format, scope)?.ToString() ?? "x")}");
        var q = string.Join('&', parts);
        return q.Length == 0 ? "" : "?" + q;
    }

    /// <summary>
    /// Tomorrow in Beijing, the day the table was recorded against: a fixed date turned into a past one overnight and
    /// periods ending "yesterday" became settleable, so the answers moved with the calendar.
    /// </summary>
    static DateOnly Tomorrow => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);

    public static JsonNode? Plausible(string name, string type, string? format, ProbeScope scope)
    {
        var n = name.ToLowerInvariant();
        return (type, format) switch
        {
            ("string", "uuid") => n.Contains("street") ? scope.StreetId : n.Contains("branch") ? scope.BranchId
                : n.Contains("unit") || n.Contains("community") ? scope.CommunityId : Guid.NewGuid().ToString(),
            ("string", "date") => Tomorrow.ToString("yyyy-MM-dd"),
            ("string", "date-time") => Tomorrow.ToString("yyyy-MM-dd") + "T09:00:00+08:00",
            ("string", _) => n.Contains("phone") ? "13800001234" : "矩阵探测",
            ("integer" or "number", _) => n.Contains("year") ? Tomorrow.Year : 1,
            ("boolean", _) => false,
            ("array", _) => new JsonArray(),
            _ => new JsonObject(),
        };
    }

    /// <summary>A body that would be valid-ish: every property with a plausible value of its type.</summary>
    public JsonObject Body(JsonObject schema, ProbeScope scope)
    {
        var body = new JsonObject();
        foreach (var (name, prop) in doc.Properties(schema))
            body[name] = prop["enum"] is JsonArray e && e.Count > 0 ? e[0]!.DeepClone()
                : Plausible(name, OpenApiDocument.TypeOf(prop), prop["format"]?.GetValue<string>(), scope);
        return body;
    }

    public HttpContent? Content(ApiOperation op, ProbeScope scope)
    {
        if (op.BodySchema is null) return null;
        if (op.BodyMediaType != "application/json") return new MultipartFormDataContent();
        return new StringContent(Body(op.BodySchema, scope).ToJsonString(), Encoding.UTF8, "application/json");
    }
}
