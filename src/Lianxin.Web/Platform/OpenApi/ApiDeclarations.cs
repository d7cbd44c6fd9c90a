using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// What the framework cannot see of an endpoint that works by hand: a body read from the request (a multipart upload, a
/// urlencoded form) or a file written as the answer. The endpoint declares it here so that the document and a generated client
/// know the fields and the bytes (ADR 0032).
/// </summary>
public static class ApiDeclarations
{
    /// <summary>A 200 whose body is a file of <paramref name="contentType"/> (an .xlsx, <c>image/*</c>), not JSON.</summary>
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, string contentType) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            (operation.Responses ??= [])["200"] = new OpenApiResponse
            {
                Description = "文件",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>multipart/form-data: <c>photos</c> (at most <see cref="PhotoUpload.MaxCount"/> JPEG, PNG or WebP files) and the text <paramref name="fields"/>.</summary>
    public static TBuilder AcceptsPhotos<TBuilder>(this TBuilder builder, params string[] fields) where TBuilder : IEndpointConventionBuilder =>
        builder.Body("multipart/form-data", fields, [], photos: true);

    /// <summary>application/x-www-form-urlencoded with the text <paramref name="fields"/>, of which <paramref name="required"/> must be sent.</summary>
    public static TBuilder AcceptsForm<TBuilder>(this TBuilder builder, string[] fields, string[] required) where TBuilder : IEndpointConventionBuilder =>
        builder.Body("application/x-www-form-urlencoded", fields, required, photos: false);

    static TBuilder Body<TBuilder>(this TBuilder builder, string contentType, string[] fields, string[] required, bool photos) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            var properties = fields.ToDictionary(f => f, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String });
            if (photos)
                properties["photos"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, MaxItems = PhotoUpload.MaxCount,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    Description = $"照片，最多 {PhotoUpload.MaxCount} 张，每张不超过 5 MB（JPG、PNG、WebP）。",
                };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string>(required) } },
                },
            };
            return Task.CompletedTask;
        });
}
