using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Rollups.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Rollups.Api;

/// <summary>/api/v1/rollups: the indicator catalogue, 对标对表, trends, the quarterly workbook and 大屏 links.</summary>
public static class RollupsApi
{
    public static void MapRollupsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rollups").WithTags("Rollups").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/indicators", (IndicatorCatalog catalog) => TypedResults.Ok(catalog.All))
            .WithSummary("指标目录：编码、名称、口径、所属模块、单位、汇总方式");
        group.MapGet("/compare", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
                    Guid? parentId, string[]? codes, string? period, Guid? benchmarkId, CancellationToken ct) =>
                (await CompareUnits.HandleAsync(db, org, catalog, clock, new(parentId, codes, period, benchmarkId), ct)).ToApi(TypedResults.Ok))
            .Produces<Comparison>().ProducesValidationProblem().WithSummary("对标对表：下级单位按指标并列，含平均、最优、对标单位与环比");
        group.MapGet("/compare.xlsx", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
                    Guid? parentId, string[]? codes, string? period, Guid? benchmarkId, CancellationToken ct) =>
                (await CompareUnits.HandleAsync(db, org, catalog, clock, new(parentId, codes, period, benchmarkId), ct))
                .ToApi(c => TypedResults.File(ExportComparison.Workbook(c), Xlsx.ContentType, $"对标对表-{c.ParentName}-{c.Period}.xlsx")))
            .ProducesFile(Xlsx.ContentType).WithSummary("对标对表导出为 Excel");
        group.MapGet("/trend", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
                    Guid unitId, string code, bool? quarters, CancellationToken ct) =>
                (await IndicatorTrend.HandleAsync(db, org, catalog, clock, unitId, code, quarters ?? false, ct)).ToApi(TypedResults.Ok))
            .Produces<Trend>().ProducesValidationProblem().WithSummary("单位某项指标近 12 个月（或 8 个季度）的走势");
        group.MapGet("/quarterly/{unitId:guid}", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock,
                    Guid unitId, string? quarter, CancellationToken ct) =>
                (await QuarterlyReport.HandleAsync(db, org, catalog, clock, unitId, quarter, ct))
                .ToApi(w => TypedResults.File(w.Content, Xlsx.ContentType, w.FileName)))
            .ProducesFile(Xlsx.ContentType).WithSummary("街道或全区季度报表（Excel，每个领域一张表）");
        group.MapPost("/screen-links", async (LianxinDb db, OrgDirectory org, ScreenLinks links, TimeProvider clock,
                    ScreenLinkRequest request, CancellationToken ct) =>
                (await CreateScreenLink.HandleAsync(db, org, links, clock, request, ct)).ToApi(TypedResults.Ok))
            .Produces<ScreenLink>().ProducesValidationProblem().WithSummary("生成大屏展示链接（签名、限期，无需登录）");
    }
}
