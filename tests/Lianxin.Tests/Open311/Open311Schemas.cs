using System.Collections.Concurrent;
using NJsonSchema;

namespace Lianxin.Tests.Open311;

/// <summary>The GeoReport v2 JSON schemas embedded in this assembly (Open311/Schemas), checked with NJsonSchema.</summary>
public static class Open311Schemas
{
    static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Cache = new();

    static Task<JsonSchema> Load(string name) => Cache.GetOrAdd(name, n => new Lazy<Task<JsonSchema>>(async () =>
    {
        using var stream = typeof(Open311Schemas).Assembly.GetManifestResourceStream($"Open311.{n}.json")
            ?? throw new InvalidOperationException($"schema {n} is not embedded");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    })).Value;

    /// <summary>Fails the test with every violation listed when <paramref name="json"/> does not match the schema.</summary>
    public static async Task AssertValidAsync(string name, string json)
    {
        var schema = await Load(name);
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{json}");
    }

    public static async Task<int> ErrorCountAsync(string name, string json) => (await Load(name)).Validate(json).Count;
}
