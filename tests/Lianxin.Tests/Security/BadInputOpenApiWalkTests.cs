using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Lianxin.Tests.Security;

/// <summary>
/// Malformed requests for every operation of the OpenAPI document, as the street's staff (so the request gets past sign-in
/// to binding and validation): an empty, truncated, 1,000-deep or wrong-typed body, nulls in lists, 1 MB strings, the wrong
/// content type, wrong-typed parameters and ids that are not GUIDs. None may answer 5xx or change a row. ADR 0028.
/// </summary>
[Collection(ProbeCollection.Name)]
public class BadInputOpenApiWalkTests(ProbeApp app, ITestOutputHelper output)
{
    public record Case(string What, string Url, HttpContent? Content);

    /// <summary>1 MB of UTF-8 (a Chinese character is three bytes).</summary>
    static readonly string Megabyte = new('长', (1 << 20) / 3);
    static readonly string Deep = new string('[', 1000) + new string(']', 1000);
    // Ids that are not ids: a near-GUID, SQL and path tricks, a bidi override, blanks, a 4 KB segment (a NUL in the path is
    // refused by the server before routing, so it only goes into query strings).
    static readonly string[] BadIds = ["not-a-guid", "00000000-0000-0000-0000-00000000000g", "1' OR '1'='1", "../../etc/passwd",
        "\u202e0000000-0000-0000-0000-000000000000", " ", "{}", new string('9', 4096)];
    static readonly string[] BadNumbers = ["abc", "1.5", "99999999999999999999", "1e9", "' OR 1=1--", "\u202e1", "１２", "{}"];
    static readonly string[] BadTyped = ["abc", "' OR 1=1--", "\u202e1"];
    static readonly string[] BadText = [Megabyte, "\0", "\u202e"];

    /// <summary>Operations probed side by side; rows are counted once per batch, and a change names the batch's operations.</summary>
    const int Batch = 8;

    [Fact]
    public async Task Malformed_requests_to_every_operation_answer_4xx_and_change_nothing()
    {
        var clock = Stopwatch.StartNew();
        var doc = await OpenApiDocument.LoadAsync(app.CreateClient());
        var operations = doc.Operations().OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method).ToList();
        var requests = new ProbeRequests(app, doc, ProbeRequests.LoadSources());
        var (scope, _) = await ProbeRequests.ScopesAsync(app);
        await requests.ResolveAsync(operations, refuseTies: false, scope);
        var api = await app.ApiAs("street");
        var failures = new List<string>();
        var cases = 0;
        var fewest = int.MaxValue;
        var answers = new Dictionary<int, int>();
        var before = await app.RowCountsAsync();
        var took = new Dictionary<string, TimeSpan>();
        foreach (var batch in operations.Chunk(Batch))
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (op, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                var list = await CasesAsync(op, doc, requests, scope);
                foreach (var c in list)
                {
                    var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(op.Method), c.Url) { Content = c.Content });
                    var code = (int)response.StatusCode;
                    string? failure = code >= 500 ? $"{op.Key} {c.What}: {code} {Cut(await response.Content.ReadAsStringAsync())}"
                        : !op.IsSafe && response.IsSuccessStatusCode ? $"{op.Key} {c.What}: {code}, a malformed write was accepted" : null;
                    lock (failures)
                    {
                        cases++;
                        answers[code] = answers.GetValueOrDefault(code) + 1;
                        if (failure is not null) failures.Add(failure);
                    }
                }
                lock (failures)
                {
                    // A read without parameters has nothing to get wrong.
                    if (op.Parameters.Count > 0 || op.BodySchema is not null) fewest = Math.Min(fewest, list.Count);
                    took[op.Key] = Stopwatch.GetElapsedTime(started);
                }
            });
            var after = await app.RowCountsAsync();
            var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)}→{t.Value}").ToList();
            if (changed.Count > 0) failures.Add($"rows changed by one of {string.Join(", ", batch.Select(o => o.Key))}: {string.Join(", ", changed)}");
            before = after;
        }
        var summary = $"Bad-input walk: {cases} malformed requests to {operations.Count} operations (at least {fewest} to each that takes input) in {clock.Elapsed.TotalSeconds:F0} s; "
            + $"answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}; {failures.Count} failures.";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        output.WriteLine("  slowest: " + string.Join("; ", took.OrderByDescending(t => t.Value).Take(8).Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s")));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(fewest >= 8, $"An operation that takes input got fewer than 8 malformed requests ({fewest}).");
    }

    static string Cut(string s) => s.Length > 300 ? s[..300] : s;

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>The malformed requests for one operation; the URL is otherwise valid (real ids of 和平社区, required parameters filled).</summary>
    static async Task<List<Case>> CasesAsync(ApiOperation op, OpenApiDocument doc, ProbeRequests requests, ProbeScope scope)
    {
        var path = await requests.PathAsync(op, scope);
        var query = requests.Query(op, scope);
        var url = path + query;
        var list = new List<Case>();
        // A write that takes no body would run on any body; its body cases go to an id that is not a GUID instead.
        string? bodyUrl = url;
        if (!op.IsSafe && op.BodySchema is null)
            bodyUrl = op.Parameters.FirstOrDefault(p => p.In == "path" && p.Format == "uuid") is { } id
                ? await WithPath(op, id.Name, "not-a-guid", requests, scope) + query : null;
        if (bodyUrl is not null) BodyCases(op, doc, requests, scope, bodyUrl, list);
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
            foreach (var bad in p.Type == "integer" ? BadNumbers : BadIds)
                list.Add(new($"{p.Name} = {bad[..Math.Min(bad.Length, 20)]}", await WithPath(op, p.Name, bad, requests, scope) + query, Body(op, requests, scope)));
        // A 1 MB string is a fine value for a write's text parameter; only reads get one (writes: wrong types only).
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            var typed = p.Type is "integer" or "number" or "boolean" || p.Format is "uuid" or "date" or "date-time";
            if (!typed && !op.IsSafe) continue;
            var rest = op.Parameters.Where(q => q.In == "query" && q.Required && q.Name != p.Name)
                .Select(q => $"&{q.Name}={Uri.EscapeDataString(ProbeRequests.Plausible(q.Name, q.Type, q.Format, scope)?.ToString() ?? "x")}");
            foreach (var value in typed ? BadTyped : BadText)
                list.Add(new($"{p.Name}={(value.Length > 20 ? "1 MB" : value)}", $"{path}?{p.Name}={Uri.EscapeDataString(value)}{string.Concat(rest)}", Body(op, requests, scope)));
        }
        return list;
    }

    static void BodyCases(ApiOperation op, OpenApiDocument doc, ProbeRequests requests, ProbeScope scope, string bodyUrl, List<Case> list)
    {
        list.Add(new("empty body", bodyUrl, Json("")));
        list.Add(new("truncated JSON", bodyUrl, Json("""{"name":"半截""")));
        list.Add(new("JSON nested 1,000 deep", bodyUrl, Json("{\"a\":" + Deep + "}")));
        list.Add(new("JSON null", bodyUrl, Json("null")));
        list.Add(new("a list for an object", bodyUrl, Json("[{}]")));
        list.Add(new("a number for an object", bodyUrl, Json("12345")));
        list.Add(new("wrong content type", bodyUrl, new StringContent("{}", Encoding.UTF8, "text/plain")));
        if (op.BodySchema is { } schema && op.BodyMediaType == "application/json")
        {
            var valid = requests.Body(schema, scope);
            var props = doc.Properties(schema).ToList();
            foreach (var (name, prop) in props)
            {
                var wrong = Wrong(OpenApiDocument.TypeOf(prop));
                var body = valid.DeepClone().AsObject();
                body[name] = wrong;
                list.Add(new($"wrong type for {name}", bodyUrl, Json(body.ToJsonString())));
            }
            var lists = props.Where(p => OpenApiDocument.TypeOf(p.Schema) == "array").ToList();
            if (lists.Count > 0)
            {
                var body = valid.DeepClone().AsObject();
                foreach (var (name, _) in lists) body[name] = new JsonArray(null, null);
                list.Add(new("nulls in lists", bodyUrl, Json(body.ToJsonString())));
            }
            var strings = props.Where(p => OpenApiDocument.TypeOf(p.Schema) == "string" && p.Schema["format"] is null && p.Schema["enum"] is null).ToList();
            if (strings.Count > 0)
            {
                var body = valid.DeepClone().AsObject();
                foreach (var (name, _) in strings) body[name] = Megabyte;
                list.Add(new("1 MB strings", bodyUrl, Json(body.ToJsonString())));
            }
        }
        else list.Add(new("nulls in a list", bodyUrl, Json("[null, null]")));
    }

    /// <summary>A valid body for the parameter cases of a write: only the parameter is wrong.</summary>
    static HttpContent? Body(ApiOperation op, ProbeRequests requests, ProbeScope scope) => op.IsSafe ? null : requests.Content(op, scope);

    static async Task<string> WithPath(ApiOperation op, string name, string value, ProbeRequests requests, ProbeScope scope)
    {
        var real = await requests.PathAsync(op with { Path = op.Path.Replace("{" + name + "}", "\u0001") }, scope);
        return real.Replace("%01", Uri.EscapeDataString(value)).Replace("\u0001", Uri.EscapeDataString(value));
    }

    static JsonNode? Wrong(string type) => type switch
    {
        "string" => 12345,
        "integer" or "number" => "十二",
        "boolean" => "也许",
        "array" => "不是列表",
        _ => 5,
    };
}
