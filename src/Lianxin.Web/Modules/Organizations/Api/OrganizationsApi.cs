using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Organizations.Domain;
using Lianxin.Web.Modules.Organizations.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.OpenApi;

namespace Lianxin.Web.Modules.Organizations.Api;

/// <summary>
/// /api/v1/org: the same use cases as the pages. Bad input 400 (ValidationProblemDetails in Chinese),
/// broken rule or stale version 409, missing or out of scope 404, in scope but not permitted 403.
/// </summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/org").WithTags("Organizations").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/tree", async (LianxinDb db, TreeCache cache, TimeProvider clock, Guid? rootId, int? depth, string? on, CancellationToken ct) =>
            {
                Outcome<TreeCache.Answer> tree = TreeOnDate.TryParse(on, out var day)
                    ? await GetTree.HandleAsync(db, cache, clock, rootId, depth ?? 1, day, ct) : Failure.Invalid("on", TreeOnDate.BadDate);
                return tree.ToApi(t => new Revalidated<List<TreeNode>>(t.Nodes, t.Tag));
            })
            .WithSummary("组织树：不带 rootId 时为调用者所在的顶层组织，带 rootId 时为其下 depth 层（1–3）；on=yyyy-MM-dd 为该日终了时的组织树（按历次新建、拆分、调整隶属、撤销重建），早于本区建立的日期为空。当前组织树带 ETag：请求带 If-None-Match 且组织未变时答 304，不再传输全树");

        group.MapGet("/units", async (LianxinDb db, string? q, OrgKind? kind, int? page, int? pageSize, CancellationToken ct) =>
                (await SearchUnits.HandleAsync(db, q, kind, page ?? 1, pageSize ?? 20, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<UnitRow>>().ProducesValidationProblem().WithSummary("按名称、简称或编码查找组织（分页）");

        group.MapGet("/units/{id:guid}", async (LianxinDb db, PersonalData pd, Guid id, CancellationToken ct) =>
                (await UnitDetail.HandleAsync(db, pd, id, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitDetailDto>().WithSummary("组织详情：负责人、下级组织、网格与小区、覆盖率");

        group.MapPost("/units", async (LianxinDb db, TimeProvider clock, CreateUnitRequest request, CancellationToken ct) =>
                (await CreateUnit.HandleAsync(db, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/units/{v.Id}", v)))
            .Produces<UnitCreated>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建组织");

        group.MapPut("/units/{id:guid}", async (LianxinDb db, Guid id, EditUnitRequest request, CancellationToken ct) =>
                (await EditUnit.HandleAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改组织（须带读取时的 version）");

        group.MapPost("/units/{id:guid}/move", async (LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock, Guid id, MoveUnitRequest request, CancellationToken ct) =>
                (await MoveUnit.HandleAsync(db, lifecycles, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("移动组织及其全部下级");

        group.MapPost("/units/{id:guid}/dissolve", async (LianxinDb db, UnitLifecycles lifecycles, TimeProvider clock, Guid id, DissolveUnitRequest request, CancellationToken ct) =>
                (await DissolveUnit.HandleAsync(db, lifecycles, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("撤销组织（保留历史）");

        group.MapPost("/units/{id:guid}/positions", async (LianxinDb db, PersonalData pd, TimeProvider clock, Guid id, AddPositionRequest request, CancellationToken ct) =>
                (await AddPosition.HandleAsync(db, pd, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/units/{id}", v)))
            .Produces<PositionAdded>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("任命负责人（书记、副书记、委员…）");

        group.MapPost("/positions/{id:guid}/end", async (LianxinDb db, TimeProvider clock, Guid id, EndPositionRequest request, CancellationToken ct) =>
                (await EndPosition.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PositionAdded>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("负责人离任");

        group.MapPost("/grids", async (LianxinDb db, GridRequest request, CancellationToken ct) =>
                (await SaveGrid.CreateAsync(db, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/grids/{v.Id}", v)))
            .Produces<PlaceSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建网格");

        group.MapPut("/grids/{id:guid}", async (LianxinDb db, Guid id, GridRequest request, CancellationToken ct) =>
                (await SaveGrid.EditAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PlaceSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改网格及其网格党支部");

        group.MapPost("/compounds", async (LianxinDb db, CompoundRequest request, CancellationToken ct) =>
                (await SaveCompound.CreateAsync(db, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/compounds/{v.Id}", v)))
            .Produces<PlaceSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记小区/院落");

        group.MapGet("/compounds/{id:guid}", async (LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct) =>
                (await CompoundDetail.HandleAsync(db, org, pd, id, ct)).ToApi(TypedResults.Ok))
            .Produces<CompoundDetailDto>().WithSummary("小区详情：楼栋、楼栋长、户数");

        group.MapPut("/compounds/{id:guid}", async (LianxinDb db, Guid id, CompoundRequest request, CancellationToken ct) =>
                (await SaveCompound.EditAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PlaceSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改小区");

        group.MapPost("/compounds/{id:guid}/split", async (LianxinDb db, TimeProvider clock, Guid id, SplitCompoundRequest request, CancellationToken ct) =>
                (await SplitCompound.HandleAsync(db, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/units/{v.Id}", v)))
            .Produces<UnitCreated>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("拆—转—建：小区从网格党支部拆出，单独建立小区党支部");

        group.MapPost("/buildings", async (LianxinDb db, CreateBuildingRequest request, CancellationToken ct) =>
                (await CreateBuilding.HandleAsync(db, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/compounds/{request.CompoundId}", v)))
            .Produces<PlaceSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建楼栋（可带楼栋长）");

        group.MapPost("/buildings/{id:guid}/households", async (LianxinDb db, Guid id, AddHouseholdsRequest request, CancellationToken ct) =>
                (await AddHouseholds.HandleAsync(db, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/org/buildings/{id}", v)))
            .Produces<HouseholdsAdded>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("为楼栋登记住户");
    }

}
