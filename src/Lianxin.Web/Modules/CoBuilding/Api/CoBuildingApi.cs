using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.CoBuilding.Api;

/// <summary>/api/v1/cobuilding: partner units (共建单位) and the joint committees' seats (大工委、大党委).</summary>
public static class CoBuildingApi
{
    public static void MapCoBuildingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cobuilding").WithTags("CoBuilding").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/units", async (LianxinDb db, OrgDirectory org, string? q, PartnerKind? kind, int? page, CancellationToken ct) =>
                (await ListPartnerUnits.HandleAsync(db, org, q, kind, page ?? 1, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<PartnerUnitRow>>().WithSummary("驻区共建单位列表（按名称搜索、按类型筛选、分页）");
        group.MapPost("/units", async (LianxinDb db, OrgDirectory org, TimeProvider clock, PartnerUnitInput request, CancellationToken ct) =>
                (await CreatePartnerUnit.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/units/{v.Id}", v)))
            .Produces<PartnerUnitSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记共建单位");
        group.MapGet("/units/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetPartnerUnit.HandleAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<PartnerUnitDetail>().WithSummary("共建单位详情与其在大工委、大党委的席位");
        group.MapPut("/units/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, EditPartnerUnitRequest request, CancellationToken ct) =>
                (await EditPartnerUnit.HandleAsync(db, org, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PartnerUnitSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修改共建单位（联络员只能修改本单位；version 不符时 409）");
        group.MapGet("/committees/{unitId:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, CancellationToken ct) =>
                (await GetCommittee.HandleAsync(db, org, clock, unitId, ct)).ToApi(TypedResults.Ok))
            .Produces<CommitteeDto>().WithSummary("街道大工委或社区大党委：在任席位与驻区单位数");
        group.MapPost("/committees/{unitId:guid}/seats", async (LianxinDb db, OrgDirectory org, Guid unitId, AddSeatRequest request, CancellationToken ct) =>
                (await AddSeat.HandleAsync(db, org, unitId, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/committees/{unitId}", v)))
            .Produces<SeatSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("增补兼职委员席位（同一单位在同一委员会只能有一个在任席位）");
        group.MapPost("/seats/{id:guid}/end", async (LianxinDb db, Guid id, EndSeatRequest request, CancellationToken ct) =>
                (await EndSeat.HandleAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<SeatSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("结束席位任期");
    }
}
