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
    readonly Dictionary<(string, string), string> ids = [];
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
            var branch = (await app.IdAsync("SELECT \"Id\" FROM org_units WHERE \"Kind\" = 'Branch' AND \"Path\" LIKE @path || '%' ORDER BY \"Path\"", path))!;
            return new(name, path, unit, street, branch);
        }
        // Paths are stored as written; the demo names its communities' party committees so.
        return (await Of("in", "中共和平社区委员会"), await Of("out", "中共幸福社区委员会"));
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
        var sql = source switch
        {
            "unit:Community" => null,
            "unit:Street" => null,
            "unit:Branch" => null,
            _ when source.StartsWith("sql:", StringComparison.Ordinal) => source[4..],
            _ => $"SELECT \"Id\" FROM {source} WHERE \"OrgPath\" LIKE @path || '%' ORDER BY \"OrgPath\", \"Id\"",
        };
        var id = source switch
        {
            "unit:Community" => scope.CommunityId,
            "unit:Street" => scope.StreetId,
            "unit:Branch" => scope.BranchId,
            // No such record in this community of the demo: a well-formed id of nothing, answered as not found.
            _ => await app.IdAsync(sql + " LIMIT 1", scope.Path) ?? Guid.Empty.ToString(),
        };
        lock (ids) ids[(prefix, scope.Name)] = id;
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

    public static JsonNode? Plausible(string name, string type, string? format, ProbeScope scope)
    {
        var n = name.ToLowerInvariant();
        return (type, format) switch
        {
            ("string", "uuid") => n.Contains("street") ? scope.StreetId : n.Contains("branch") ? scope.BranchId
                : n.Contains("unit") || n.Contains("community") ? scope.CommunityId : Guid.NewGuid().ToString(),
            ("string", "date") => "2026-12-01",
            ("string", "date-time") => "2026-12-01T09:00:00+08:00",
            ("string", _) => n.Contains("phone") ? "13800001234" : "矩阵探测",
            ("integer" or "number", _) => n.Contains("year") ? 2026 : 1,
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
