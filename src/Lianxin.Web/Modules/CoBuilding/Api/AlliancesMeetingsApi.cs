using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.CoBuilding.Api;

/// <summary>/api/v1/cobuilding: alliances (党建联盟), meetings of the 大工委 / 大党委 and the co-building figures (共建数据).</summary>
public static class AlliancesMeetingsApi
{
    public static void MapAlliancesMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cobuilding").WithTags("CoBuilding").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/alliances", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await ListAlliances.HandleAsync(db, org, ct)).ToApi(TypedResults.Ok))
            .Produces<IReadOnlyList<AllianceRow>>().WithSummary("党建联盟列表（牵头单位、在盟成员数）");
        group.MapPost("/alliances", async (LianxinDb db, OrgDirectory org, TimeProvider clock, AllianceInput request, CancellationToken ct) =>
                (await CreateAlliance.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/alliances/{v.Id}", v)))
            .Produces<AllianceSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("成立党建联盟（牵头单位自动成为成员）");
        group.MapGet("/alliances/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetAlliance.HandleAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<AllianceDetail>().WithSummary("党建联盟详情与成员单位（含已退出）");
        group.MapPut("/alliances/{id:guid}", async (LianxinDb db, TimeProvider clock, Guid id, EditAllianceRequest request, CancellationToken ct) =>
                (await EditAlliance.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<AllianceSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修改党建联盟（牵头单位须是现有成员；version 不符时 409）");
        group.MapPost("/alliances/{id:guid}/members", async (LianxinDb db, OrgDirectory org, Guid id, JoinAllianceRequest request, CancellationToken ct) =>
                (await JoinAlliance.HandleAsync(db, org, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/alliances/{id}", v)))
            .Produces<AllianceMemberSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("单位加入联盟（同一单位同一时间只能加入一次）");
        group.MapPost("/alliance-members/{id:guid}/leave", async (LianxinDb db, Guid id, LeaveAllianceRequest request, CancellationToken ct) =>
                (await LeaveAlliance.HandleAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<AllianceMemberSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("成员单位退出联盟（牵头单位不能退出）");

        group.MapGet("/committees/{unitId:guid}/meetings", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, int? year, CancellationToken ct) =>
                (await ListCommitteeMeetings.HandleAsync(db, org, clock, unitId, year, ct)).ToApi(TypedResults.Ok))
            .Produces<MeetingYear>().ProducesValidationProblem().WithSummary("大工委、大党委一年的例会与欠开的季度");
        group.MapPost("/committees/{unitId:guid}/meetings", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, MeetingInput request, CancellationToken ct) =>
                (await RecordCommitteeMeeting.HandleAsync(db, org, clock, unitId, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/meetings/{v.Id}", v)))
            .Produces<MeetingSaved>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("登记例会：议程、按席位的出席情况、纪要与决定事项");
        group.MapGet("/meetings/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetCommitteeMeeting.HandleAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<MeetingDetail>().WithSummary("例会详情");
        group.MapPost("/decisions/{id:guid}/pledge", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, PledgeDecisionRequest request, CancellationToken ct) =>
                (await PledgeDecision.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DecisionPledged>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("决定事项转为我为群众办实事承诺（草稿，由为民办实事模块生成）");

        group.MapGet("/figures", async (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock, Guid? unitId, string? period, CancellationToken ct) =>
                (await CoBuildingFigures.HandleAsync(db, org, catalog, clock, unitId, period, ct)).ToApi(TypedResults.Ok))
            .Produces<CoBuildingFiguresTable>().ProducesValidationProblem().WithSummary("共建数据：下级社区（或街道）各项共建指标对照");
        group.MapGet("/figures.xlsx", async Task<IResult> (LianxinDb db, OrgDirectory org, IndicatorCatalog catalog, TimeProvider clock, Guid? unitId, string? period, CancellationToken ct) =>
            {
                var outcome = await CoBuildingFigures.HandleAsync(db, org, catalog, clock, unitId, period, ct);
                return outcome.IsOk ? TypedResults.File(CoBuildingFigures.Workbook(outcome.Value!), Xlsx.ContentType, $"共建数据-{outcome.Value!.Period}.xlsx") : outcome.ToApi();
            })
            .ProducesFile(Xlsx.ContentType).WithSummary("共建数据导出 Excel");
    }
}
