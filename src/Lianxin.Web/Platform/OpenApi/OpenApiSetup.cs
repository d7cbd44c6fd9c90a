using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, shaped so that a linter passes it and a code generator makes a usable client
/// (ADR 0032): every operation named, summarised, secured or marked anonymous, with its 400 and its typed error bodies.
/// What one endpoint must say itself (its success type, a file's content type, a form body) it says on the endpoint.
/// </summary>
public static class OpenApiSetup
{
    const string Secured = "lianxin:secured";

    public static IServiceCollection AddLianxinOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddSchemaTransformer(NumbersAreNumbers);
        o.AddOperationTransformer(DescribeOperation);
        o.AddDocumentTransformer(DescribeDocument);
    });

    /// <summary>
    /// The web JSON options read "5" as 5 (AllowReadingFromString), which the schema shows as <c>["integer","string"]</c> with a
    /// pattern: generators then make union types. Clients send numbers, so the document says number; the server stays lenient.
    /// </summary>
    static Task NumbersAreNumbers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        NumberOnly(schema);
        StringsAreStrings(schema, context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every string is read through <see cref="ControlCharacters.Converter"/>, and the schema exporter cannot see through a
    /// custom converter (it writes <c>{}</c>): the document says string again, nullable where the property is.
    /// </summary>
    static void StringsAreStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonTypeInfo.Type != typeof(string) || schema.Type is not null) return;
        schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
    }

    static void NumberOnly(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
            && ((type & JsonSchemaType.String) != 0 || schema.Pattern is not null))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var route = context.Description.RelativePath ?? "";
        operation.OperationId ??= OperationNames.Id(method, route);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Summary ??= OperationNames.Summary(method, route, metadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault());
        operation.Responses ??= [];

        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (secured)
        {
            (operation.Metadata ??= new Dictionary<string, object>())[Secured] = true;
            Respond(operation, StatusCodes.Status401Unauthorized, "未登录或登录已过期。");
            Respond(operation, StatusCodes.Status403Forbidden, "没有权限进行此操作。");
        }
        // Any parameter or body can be malformed: the binder answers 400 naming the field (BadRequests), before the handler runs.
        Respond(operation, StatusCodes.Status400BadRequest, "请求参数或正文有误，errors 按字段说明原因。");
        return Task.CompletedTask;
    }

    static void Respond(OpenApiOperation operation, int status, string description) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = description });

    static async Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "连心 Lianxin API";
        document.Info.Description = "党建引领基层治理平台的接口。登录：POST /api/v1/auth/token 取得 Bearer 令牌；错误一律为 RFC 9457 ProblemDetails"
            + "（Open311 除外，按其规范返回错误文档）。约定见 ADR 0032。";
        // The host a request came by is no address for a client (a proxy, an intranet name): the API is at the site's root.
        document.Servers = [new OpenApiServer { Url = "/", Description = "本站（与网页同一地址）" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "POST /api/v1/auth/token 取得的 accessToken。",
        };
        document.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "lx_auth", Description = "网页登录的 Cookie（同站页面脚本使用）。",
        };
        // Uploads are documented by AcceptsPhotos; an Accepts<IFormFile> kept for its 415 leaves the framework's file schema
        // unused (a reference to it that was left would fail the linter in OpenApiContractTests).
        document.Components.Schemas?.Remove("IFormFile");
        var problem = await SchemaAsync<ProblemDetails>(document, context, ct);
        var validation = await SchemaAsync<HttpValidationProblemDetails>(document, context, ct);

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && ApiTags.Descriptions.TryGetValue(name, out var description))
                tag.Description = description;

        foreach (var (path, item) in document.Paths ?? [])
        foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
        {
            // A body sent as another media type than the operation reads is refused before the handler: 415, described like a
            // malformed body (BadRequests names Content-Type). Open311 answers in its own error format and says so itself.
            if (operation.RequestBody is not null && !path.StartsWith("/open311/", StringComparison.Ordinal))
                (operation.Responses ??= []).TryAdd("415", new OpenApiResponse
                {
                    Description = "请求正文的 Content-Type 不受支持：按本接口所列的媒体类型提交（JSON 正文用 application/json）。",
                    Content = new Dictionary<string, OpenApiMediaType> { [ApiResponses.Problem] = new() { Schema = validation } },
                });
            operation.Security = operation.Metadata?.ContainsKey(Secured) == true
                ? [Requirement(document, "bearer"), Requirement(document, "cookie")]
                : [new OpenApiSecurityRequirement()]; // {}: anonymous, said outright
            // Route and query parameters are described apart from the schema transformers.
            foreach (var parameter in operation.Parameters ?? [])
                if (parameter.Schema is OpenApiSchema schema) NumberOnly(schema);
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                if (response is not OpenApiResponse r) continue;
                if (status.StartsWith('4') || status.StartsWith('5'))
                {
                    // The status code pages and the exception handler write a ProblemDetails for every API error without a body.
                    if (r.Content is null || r.Content.Count == 0)
                        r.Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [ApiResponses.Problem] = new() { Schema = status == "400" ? validation : problem },
                        };
                }
                // A file download declared by content type only: its bytes.
                foreach (var media in r.Content?.Values ?? [])
                    media.Schema ??= new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }

    static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    /// <summary>A reference to the component schema of <typeparamref name="T"/>, added when no endpoint brought it in.</summary>
    static async Task<IOpenApiSchema> SchemaAsync<T>(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var id = typeof(T).Name;
        if (document.Components?.Schemas?.ContainsKey(id) != true)
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(typeof(T), null, ct));
        return new OpenApiSchemaReference(id, document);
    }
}
