using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Demands.Open311.Features;
using Lianxin.Web.Modules.Organizations.Contracts;

namespace Lianxin.Web.Modules.Demands.Open311.Api;

/// <summary>/api/v1/open311/clients: the same use cases as the clients page.</summary>
public static class Open311ClientsApi
{
    public static void MapOpen311ClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/open311/clients").WithTags("Open311 clients").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async (Platform.Data.LianxinDb db, OrgDirectory org, Guid? streetId, CancellationToken ct) =>
                (await Open311Clients.ListAsync(db, org, streetId, ct)).ToApi(TypedResults.Ok))
            .Produces<List<Open311ClientDto>>().WithSummary("Open311 客户端列表（可按街道筛选）");

        group.MapPost("/", async (Platform.Data.LianxinDb db, OrgDirectory org, TimeProvider clock, IssueOpen311ClientRequest request, CancellationToken ct) =>
                (await Open311Clients.IssueAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/open311/clients/{v.Client.Id}", v)))
            .Produces<Open311ClientIssued>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("签发 api_key（只在此次应答中出现一次，请妥善保存）");

        group.MapPost("/{id:guid}/revoke", async (Platform.Data.LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await Open311Clients.RevokeAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<Open311ClientDto>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("吊销 api_key（立即失效）");
    }
}
