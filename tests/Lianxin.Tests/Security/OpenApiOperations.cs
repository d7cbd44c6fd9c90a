using System.Text.Json.Nodes;

namespace Lianxin.Tests.Security;

/// <summary>One operation of <c>/openapi/v1.json</c>, with what a probe needs to fill it in.</summary>
public record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? BodySchema, string? BodyMediaType)
{
    /// <summary>The key of the operation in the tables: <c>GET /api/v1/demands/{id}</c>.</summary>
    public string Key => $"{Method} {Path}";
    public bool IsSafe => Method == "GET";
    public override string ToString() => Key;
}

public record ApiParameter(string Name, string In, JsonObject Schema, bool Required)
{
    public string Type => OpenApiDocument.TypeOf(Schema);
    public string? Format => Schema["format"]?.GetValue<string>();
}

/// <summary>Reads the app's own OpenAPI document: every operation, its parameters and its request body's schema.</summary>
public class OpenApiDocument(JsonObject doc)
{
    public static async Task<OpenApiDocument> LoadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());

    public IReadOnlyList<ApiOperation> Operations()
    {
        var list = new List<ApiOperation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, node) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch")) continue;
                var op = node!.AsObject();
                var parameters = (op["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).Select(p => new ApiParameter(
                    p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]?.AsObject() ?? []),
                    p["required"]?.GetValue<bool>() ?? false)).ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var media = content?.Select(c => c.Key).FirstOrDefault();
                var schema = media is null ? null : Resolve(content![media]!["schema"]?.AsObject() ?? []);
                list.Add(new(method.ToUpperInvariant(), path, parameters, schema, media));
            }
        return list;
    }

    /// <summary>The schema behind a <c>$ref</c> (one level: properties are resolved as they are read).</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var depth = 0; schema["$ref"]?.GetValue<string>() is { } r && depth < 8; depth++)
            schema = doc["components"]!["schemas"]![r.Split('/')[^1]]!.AsObject();
        return schema;
    }

    public IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        (schema["properties"]?.AsObject() ?? []).Select(p => (p.Key, Resolve(p.Value!.AsObject())));

    /// <summary>The main JSON type of a schema: <c>["null","integer","string"]</c> is an integer sent as either.</summary>
    public static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).Where(t => t != "null").OrderBy(t => t == "string" ? 1 : 0).FirstOrDefault() ?? "string",
        _ => schema["enum"] is not null ? "string" : schema["properties"] is not null ? "object" : "unknown",
    };
}
