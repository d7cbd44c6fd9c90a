using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Platform.Indicators;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Reviews.Domain;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Reviews.Api;

/// <summary>/api/v1/reviews: the same use cases as the pages. 400 bad input (Chinese), 409 broken rule or stale version, 404 missing or out of scope, 403 not permitted.</summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/rubrics", async (LianxinDb db, CancellationToken ct) => TypedResults.Ok(await SaveRubric.ListAsync(db, ct)))
            .WithSummary("评分细则（各版本）");
        g.MapGet("/rubrics/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) => (await SaveRubric.GetAsync(db, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RubricDto>().WithSummary("细则内容：部分、评分项、加分上限、否决、星级门槛");
        g.MapGet("/rubrics/{id:guid}.xlsx", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await SaveRubric.GetAsync(db, id, ct)).ToApi(r => TypedResults.File(RubricWorkbook.Write(r.Definition), ResultsWorkbook.ContentType, $"rubric-{r.Id:N}.xlsx")))
            .ProducesFile(ResultsWorkbook.ContentType).WithSummary("导出细则（.xlsx，可修改后在页面导入）");
        g.MapPost("/rubrics", async (LianxinDb db, OrgDirectory org, TimeProvider clock, IndicatorCatalog indicators, RubricRequest r, CancellationToken ct) =>
                (await SaveRubric.CreateAsync(db, org, clock, r, ct, indicators)).ToApi(v => TypedResults.Created($"/api/v1/reviews/rubrics/{v.Id}", v)))
            .Produces<RubricSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建细则");
        g.MapPut("/rubrics/{id:guid}", async (LianxinDb db, TimeProvider clock, IndicatorCatalog indicators, Guid id, RubricRequest r, CancellationToken ct) =>
                (await SaveRubric.EditAsync(db, clock, id, r, ct, indicators)).ToApi(TypedResults.Ok))
            .Produces<RubricSaved>().ProducesValidationProblem().WithSummary("修改细则；已被观摩使用的版本不变，修改生成新版本");

        g.MapGet("/rounds", async (LianxinDb db, CancellationToken ct) => TypedResults.Ok(await Rounds.ListAsync(db, ct)))
            .WithSummary("我组织或参评的观摩轮次");
        g.MapPost("/rounds", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, CreateRoundRequest r, CancellationToken ct) =>
                (await CreateRound.HandleAsync(db, org, places, clock, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/rounds/{v.Id}", v)))
            .Produces<RoundCreated>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建观摩轮次（草稿）：被观摩单位与路线、评委、汇总规则；target=Buildings 时 units 为辖区小区的楼栋（星级楼组，须用“星级楼组”细则）");
        g.MapGet("/rounds/{id:guid}", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) => (await Rounds.GetAsync(db, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RoundDetailDto>().WithSummary("轮次详情：路线、评委、提交进度、上轮遗留整改");
        foreach (var (verb, state, summary) in new[]
        {
            ("open", RoundState.Open, "开始评分（冻结细则，生成评分表）"), ("close", RoundState.Closed, "截止评分"), ("publish", RoundState.Published, "发布结果（排名、星级）"),
        })
            g.MapPost($"/rounds/{{id:guid}}/{verb}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, StateRequest r, CancellationToken ct) =>
                    (await ChangeRoundState.HandleAsync(db, org, clock, id, state, r, ct)).ToApi(TypedResults.Ok))
                .Produces<RoundSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary(summary);
        g.MapGet("/rounds/{id:guid}/results", async (LianxinDb db, Guid id, CancellationToken ct) => (await ReviewResults.GetAsync(db, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RoundResults>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("结果：总分、分项、排名（并列同名次）、较上轮变化、点评；组织者另见评委一致性");
        g.MapGet("/rounds/{id:guid}/results.xlsx", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await ResultsWorkbook.HandleAsync(db, id, ct)).ToApi(bytes => TypedResults.File(bytes, ResultsWorkbook.ContentType, $"观摩结果-{id:N}.xlsx")))
            .ProducesFile(ResultsWorkbook.ContentType).WithSummary("导出结果（.xlsx）");
        g.MapPost("/rounds/{id:guid}/amendments", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, AmendRequest r, CancellationToken ct) =>
                (await Amend.HandleAsync(db, org, clock, id, r, ct)).ToApi(TypedResults.Ok))
            .Produces<AmendmentRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("发布后更正评分（须填原因）");
        g.MapGet("/rounds/{id:guid}/amendments", async (LianxinDb db, Guid id, CancellationToken ct) =>
                await db.RoundAsync(id, ct) is null ? Results404() : TypedResults.Ok(await Amend.ListAsync(db, id, ct)))
            .Produces<List<AmendmentRow>>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("更正记录");
        g.MapPut("/rounds/{id:guid}/units/{unitId:guid}/remark", async (LianxinDb db, TimeProvider clock, Guid id, Guid unitId, RemarkRequest r, CancellationToken ct) =>
                (await UnitRemarks.SaveAsync(db, clock, id, unitId, r, ct)).ToApi(TypedResults.Ok))
            .Produces<RemarkDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("逐一点评：记录单位的汇报、下步工作计划、表态与街道点评（仅轮次组织者；须带 version，新记录为 0；发布后不可改）");
        g.MapPost("/rounds/{id:guid}/findings", async (LianxinDb db, TimeProvider clock, Guid id, FindingRequest r, CancellationToken ct) =>
                (await Rectifications.AddFindingAsync(db, clock, id, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/rectifications/{v.Id}", v)))
            .Produces<RectificationRow>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("记录发现的问题（生成整改任务）");

        g.MapGet("/sheets/mine", async (LianxinDb db, Guid? roundId, CancellationToken ct) => TypedResults.Ok(await ScoreSheets.MineAsync(db, roundId, ct)))
            .WithSummary("我的评分表");
        g.MapGet("/sheets/{id:guid}", async (LianxinDb db, TimeProvider clock, IndicatorCatalog indicators, Guid id, CancellationToken ct) => (await ScoreSheets.GetAsync(db, clock, id, ct, indicators)).ToApi(TypedResults.Ok))
            .Produces<SheetDto>().WithSummary("评分表（含细则与上轮遗留整改）");
        g.MapPut("/sheets/{id:guid}", async (LianxinDb db, TimeProvider clock, IndicatorCatalog indicators, Guid id, SaveSheetRequest r, CancellationToken ct) =>
                (await ScoreSheets.SaveAsync(db, clock, id, r, ct, indicators: indicators)).ToApi(TypedResults.Ok))
            .Produces<SheetRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("保存评分（须带 version；submit=true 提交并锁定）");
        g.MapPost("/sheets/{id:guid}/reopen", async (LianxinDb db, TimeProvider clock, Guid id, ReopenRequest r, CancellationToken ct) =>
                (await ScoreSheets.ReopenAsync(db, clock, id, r, ct)).ToApi(TypedResults.Ok))
            .Produces<SheetRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("组织者退回已提交的评分表（须填原因）");

        g.MapGet("/rectifications", async (LianxinDb db, TimeProvider clock, Guid? roundId, Guid? unitId, bool? openOnly, CancellationToken ct) =>
                (await Rectifications.ListAsync(db, clock, roundId, unitId, openOnly ?? false, ct)).ToApi(TypedResults.Ok))
            .Produces<List<RectificationRow>>().WithSummary("整改任务（逾期标记）");
        g.MapPost("/rectifications/{id:guid}", async (LianxinDb db, TimeProvider clock, Guid id, RectificationUpdate r, CancellationToken ct) =>
                (await Rectifications.UpdateAsync(db, clock, id, r, ct)).ToApi(TypedResults.Ok))
            .Produces<RectificationRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("整改进展：整改中、提交（附整改情况）、验收通过或退回");

        g.MapGet("/units/{unitId:guid}/results", async (LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct) => (await Rounds.UnitResultsAsync(db, org, unitId, ct)).ToApi(TypedResults.Ok))
            .Produces<List<OwnResult>>().WithSummary("本单位已发布的观摩结果（含汇报、计划、表态与街道点评）");
        g.MapGet("/units/{unitId:guid}/trend", async (LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct) => (await UnitTrend.GetAsync(db, org, unitId, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitTrendDto>().WithSummary("本单位历轮（季度）观摩总分走势与街道平均分");
        g.MapGet("/units/{unitId:guid}/stars", async (LianxinDb db, OrgDirectory org, Guid unitId, CancellationToken ct) => (await Stars.GetAsync(db, org, unitId, ct)).ToApi(TypedResults.Ok))
            .Produces<StarStatus>().WithSummary("当前星级与评定历史");
        g.MapPost("/units/{unitId:guid}/stars/remove", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, RemoveStarRequest r, CancellationToken ct) =>
                (await Stars.RemoveAsync(db, org, clock, unitId, r, ct)).ToApi(TypedResults.Ok))
            .Produces<StarStatus>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("手动摘牌（须填原因）");
        g.MapPost("/units/{unitId:guid}/stars/award", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, AwardStarRequest r, CancellationToken ct) =>
                (await Stars.AwardAsync(db, org, clock, unitId, r, ct)).ToApi(TypedResults.Ok))
            .Produces<StarStatus>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("上级授予星级（如区委组织部年终命名五星支部）");

        g.MapGet("/buildings/stars", async (LianxinDb db, PlaceDirectory places, CancellationToken ct) => TypedResults.Ok(await BuildingStars.ListAsync(db, places, ct)))
            .WithSummary("星级楼组：辖区内已评星的楼栋及当前星级");
        g.MapGet("/buildings/{buildingId:guid}/stars", async (LianxinDb db, PlaceDirectory places, Guid buildingId, CancellationToken ct) =>
                (await BuildingStars.GetAsync(db, places, buildingId, ct)).ToApi(TypedResults.Ok))
            .Produces<BuildingStarStatus>().WithSummary("楼栋的星级楼组星级与评定历史");

        g.MapGet("/cultivation", async (LianxinDb db, TimeProvider clock, int? year, CancellationToken ct) =>
                TypedResults.Ok(await Cultivation.ListAsync(db, year ?? clock.Today().Year, ct)))
            .WithSummary("五星支部重点培养对象名单（某年度；含已移出的记录与理由）");
        g.MapPost("/cultivation", async (LianxinDb db, OrgDirectory org, TimeProvider clock, AddCultivationRequest r, CancellationToken ct) =>
                (await Cultivation.AddAsync(db, org, clock, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/cultivation/{v.Id}", v)))
            .Produces<CultivationRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("街道（或社区）将党支部列为年度五星支部重点培养对象（须填理由与培养责任人）");
        g.MapPost("/cultivation/{id:guid}/remove", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RemoveCultivationRequest r, CancellationToken ct) =>
                (await Cultivation.RemoveAsync(db, org, clock, id, r, ct)).ToApi(TypedResults.Ok))
            .Produces<CultivationRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("移出重点培养对象名单（须填理由，记录保留）");
        g.MapGet("/five-star/{year:int}", async (LianxinDb db, OrgDirectory org, int year, CancellationToken ct) =>
                (await FiveStarYear.GetAsync(db, org, year, ct)).ToApi(TypedResults.Ok))
            .Produces<FiveStarYearDto>().ProducesValidationProblem().WithSummary("年终五星支部评定对照重点培养对象名单：已授予（是否在名单上）与列入名单未授予");
    }

    static IResult Results404() => TypedResults.Problem(Failure.NotFound.Message, statusCode: StatusCodes.Status404NotFound, title: "未找到");

}
