using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Targets.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Targets.Api;

/// <summary>/api/v1/targets: key targets, completion by community, progress reports.</summary>
public static class TargetsApi
{
    public static void MapTargetsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/targets").WithTags("Targets").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/", async (LianxinDb db, IndicatorCatalog catalog, TimeProvider clock, CancellationToken ct) =>
                (await TargetBoards.ListAsync(db, catalog, clock, ct)).ToApi(TypedResults.Ok))
            .Produces<List<TargetSummary>>().WithSummary("重点任务列表（含完成社区数、逾期社区数）");
        g.MapPost("/", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock, SetTargetRequest request, CancellationToken ct) =>
                (await SetTarget.HandleAsync(db, org, catalog, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/targets/{v.Id}", v)))
            .Produces<TargetSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("下达重点任务（按指标自动统计或由社区填报）");
        g.MapGet("/{id:guid}", async (LianxinDb db, IndicatorCatalog catalog, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await TargetBoards.BoardAsync(db, catalog, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<TargetBoard>().WithSummary("各社区完成情况：完成先后、逾期未完成");
        g.MapGet("/indicators", (IndicatorCatalog catalog) => TypedResults.Ok(catalog.All))
            .Produces<IReadOnlyList<Indicator>>().WithSummary("可用作任务进度的指标");
        g.MapPost("/parts/{partId:guid}/progress", async (LianxinDb db, TimeProvider clock, Guid partId, ReportProgressRequest request, CancellationToken ct) =>
                (await ReportProgress.HandleAsync(db, clock, partId, request, ct)).ToApi(TypedResults.Ok))
            .Produces<ProgressSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("社区填报进度与佐证");
        g.MapGet("/parts/{partId:guid}/evidence", async (LianxinDb db, Guid partId, CancellationToken ct) =>
                (await ReportProgress.EvidenceAsync(db, partId, ct)).ToApi(TypedResults.Ok))
            .Produces<List<ReportProgress.EvidenceRow>>().WithSummary("填报记录与佐证");
    }
}
