using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// 200 with the value and its entity tag, or 304 Not Modified without a body when the request's <c>If-None-Match</c> already
/// names that tag: a client that polls an answer which rarely changes (the org tree) pays for the headers, not the body.
/// <c>private, no-cache</c>: the answer is the caller's own (scoped), and a cache must ask before each reuse. Without a tag it is
/// a plain 200.
/// </summary>
public sealed class Revalidated<T>(T value, string? tag) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext http)
    {
        if (tag is null) return TypedResults.Ok(value).ExecuteAsync(http);
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (!Names(http.Request.Headers.IfNoneMatch, tag)) return TypedResults.Ok(value).ExecuteAsync(http);
        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2); <c>*</c> names any current answer.</summary>
    static bool Names(Microsoft.Extensions.Primitives.StringValues header, string tag)
    {
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var sent)) return false;
        var ours = EntityTagHeaderValue.Parse(tag);
        return sent.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
    }
}
