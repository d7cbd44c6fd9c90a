using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.Web.Platform.OpenApi;

/// <summary>
/// What <see cref="OutcomeExtensions.ToApi{T}(Outcome{T})"/> answers: the success result <typeparamref name="TSuccess"/> or one of the
/// outcome's refusals. Being a named type, it tells the OpenAPI document (ADR 0032) the success body and the refusals an outcome can
/// give, so an endpoint that ends in <c>.ToApi()</c> declares nothing by hand.
/// </summary>
public sealed class ApiResult<TSuccess>(IResult inner) : IResult, IEndpointMetadataProvider where TSuccess : IResult
{
    public IResult Inner { get; } = inner;

    public Task ExecuteAsync(HttpContext httpContext) => Inner.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        // Ok<T>, Created<T>, Accepted<T>, NoContent… describe themselves; a result that does not (a file) is declared on the endpoint.
        if (typeof(TSuccess).IsAssignableTo(typeof(IEndpointMetadataProvider)))
            typeof(TSuccess).GetInterfaceMap(typeof(IEndpointMetadataProvider)).TargetMethods[0].Invoke(null, [method, builder]);
        ApiResponses.AddRefusals(builder.Metadata);
    }
}

/// <summary>The error responses every outcome-based endpoint can give, as endpoint metadata the OpenAPI document reads.</summary>
public static class ApiResponses
{
    public const string Problem = "application/problem+json";

    public static void AddRefusals(IList<object> metadata)
    {
        metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [Problem]));
        foreach (var status in new[] { StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict })
            metadata.Add(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [Problem]));
    }
}
