using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Modules.Demands.Api;

/// <summary>
/// /api/v1/demands: the same use cases as the pages. Bad input 400, broken rule or stale version 409,
/// missing or out of scope 404, in scope but not permitted 403. /api/v1/public/demands: anonymous intake and tracking.
/// </summary>
public static class DemandsApi
{
    public static void MapDemandsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/demands").WithTags("Demands").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async (LianxinDb db, OrgDirectory org, PersonalData pd, IOptions<ListOptions> lists, [AsParameters] DemandListQuery q, CancellationToken ct) =>
                (await DemandQueries.ListAsync(db, org, pd, q.ToFilter(), lists.Value.CountCap, ct)).ToApi(TypedResults.Ok))
            .Produces<ListPage<DemandRow>>().ProducesValidationProblem()
            .WithSummary("诉求列表（按状态、层级、类别、组织、超时筛选，按受理编号、内容、地址或完整手机号搜索；按游标翻页，总数超过上限时为下限）");

        group.MapPost("/", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, SubmitDemandRequest request, [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
                (await SubmitDemand.HandleAsync(db, org, places, pd, clock, request, key, isPublic: false, ct)).ToApi(v => TypedResults.Created($"/api/v1/demands/{v.Id}", v)))
            .Produces<DemandCreated>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("工作人员登记诉求（电话、走访）；带 Idempotency-Key 重试只登记一次");

        group.MapGet("/mine", async (LianxinDb db, CancellationToken ct) => (await MyDemands.ListAsync(db, ct)).ToApi(TypedResults.Ok))
            .Produces<List<MyDemandRow>>().WithSummary("我提交的诉求（登录后提交的）：受理编号、状态、查询办理进度的链接");

        group.MapGet("/{id:guid}", async (LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct) =>
                (await DemandQueries.DetailAsync(db, org, pd, id, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandDetailDto>().WithSummary("诉求详情：办理经过、派单、当前可执行的操作");

        group.MapPost("/{id:guid}/steps", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DemandStepRequest request, CancellationToken ct) =>
                (await HandleDemand.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("本级办理：受理 Accept、办结 Resolve、退回 Return、上报 Escalate（须带 version）");

        group.MapPost("/{id:guid}/merge", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, MergeRequest request, CancellationToken ct) =>
                (await MergeDemand.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("合并重复诉求（合并到另一受理编号）");

        group.MapPost("/{id:guid}/dispatch", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DispatchRequest request, CancellationToken ct) =>
                (await DispatchDemand.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("街道吹哨：派往一个或多个职能部门");

        group.MapPost("/{id:guid}/rating", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RateRequest request, CancellationToken ct) =>
                (await RateDemand.ByStaffAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("回访记录居民评价；不满意可重新办理一次");

        group.MapGet("/dispatches", async (LianxinDb db, TimeProvider clock, DispatchState? state, bool? overdue, CancellationToken ct) =>
                (await DispatchInbox.ListAsync(db, clock, state, overdue, ct)).ToApi(TypedResults.Ok))
            .Produces<List<DispatchInboxRow>>().WithSummary("派往本部门的单子（部门报到）；超过部门时限未反馈的标为 overdue，排在前面");

        group.MapPost("/dispatches/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DispatchAnswerRequest request, CancellationToken ct) =>
                (await DispatchDemand.AnswerAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<DispatchSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("部门受理 DepartmentAccept、报到反馈 DepartmentReport、退回 DepartmentReturn");

        group.MapGet("/departments", async (OrgDirectory org, Guid streetId, CancellationToken ct) =>
                TypedResults.Ok(await DispatchDemand.DepartmentsAsync(org, streetId, ct)))
            .WithSummary("街道的职能部门");

        group.MapGet("/categories", async (LianxinDb db, OrgDirectory org, Guid streetId, bool? all, CancellationToken ct) =>
                (all == true ? await Categories.AllForStreetAsync(db, org, streetId, ct) : await Categories.ListAsync(db, org, streetId, ct)).ToApi(TypedResults.Ok))
            .Produces<List<CategoryDto>>().WithSummary("街道的诉求类别与时限（all=true 含已停用的）");

        group.MapPut("/categories/{id:guid}", async (LianxinDb db, Guid id, CategoryRequest request, CancellationToken ct) =>
                (await Categories.UpdateAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CategoryDto>().ProducesValidationProblem().WithSummary("修改诉求类别：名称、默认办理层级、时限、服务方式、启用或停用");

        group.MapPost("/categories", async (LianxinDb db, OrgDirectory org, CategoryRequest request, CancellationToken ct) =>
                (await Categories.CreateAsync(db, org, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/demands/categories?streetId={v.StreetId}", v)))
            .Produces<CategoryDto>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新增诉求类别");

        group.MapGet("/streets/{streetId:guid}/settings", async (LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct) =>
                (await StreetSettings.GetAsync(db, org, streetId, ct)).ToApi(TypedResults.Ok))
            .Produces<StreetSettingsDto>().WithSummary("街道的诉求规则：每升一级增加的办结工作日、满意度分值、不满意重新办理次数");

        group.MapPut("/streets/{streetId:guid}/settings", async (LianxinDb db, OrgDirectory org, Guid streetId, StreetSettingsRequest request, CancellationToken ct) =>
                (await StreetSettings.SaveAsync(db, org, streetId, request, ct)).ToApi(TypedResults.Ok))
            .Produces<StreetSettingsDto>().ProducesValidationProblem().WithSummary("修改街道的诉求规则（街道吹哨派单权限）");

        group.MapGet("/figures", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await DemandFigures.HandleAsync(db, org, clock, unitId, from, to, ct)).ToApi(TypedResults.Ok))
            .Produces<DemandFiguresDto>().ProducesValidationProblem().WithSummary("诉求统计：及时响应、办结、办理时长、满意率，按类别、层级，最慢的单位");

        var pub = app.MapGroup("/api/v1/public/demands").WithTags("Demands (public)").AllowAnonymous();

        pub.MapPost("/", async Task<IResult> (LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock, PublicIntakeLimiter limiter, HttpContext http, SubmitDemandRequest request,
                [FromHeader(Name = "Idempotency-Key")] string? key, CancellationToken ct) =>
                !limiter.TryAcquire(http, out var wait)
                    ? TooManyRequests.Problem(http, wait, PublicIntakeLimiter.Message)
                    : (await SubmitDemand.HandleAsync(db, org, places, pd, clock, request, key, isPublic: true, ct)).ToApi(v => TypedResults.Created($"/api/v1/public/demands/track?ticket={v.TicketNo}", v)))
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<DemandCreated>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("居民提交诉求（无需登录）；带 Idempotency-Key 重试只登记一次");

        pub.MapGet("/track", async (LianxinDb db, TrackingThrottle throttle, TimeProvider clock, HttpContext http, string? ticket, string? phoneTail, CancellationToken ct) =>
            {
                var client = TrackingThrottle.ClientOf(http);
                if (throttle.RetryAfter(ticket, client) is { } wait) return TrackingThrottle.TooMany(http, wait);
                if (await TrackDemand.HandleAsync(db, ticket, phoneTail, ct, clock) is { } t) return Results.Ok(t);
                throttle.Failed(ticket, client);
                return Results.Problem("未找到该诉求，请核对受理编号和手机号后四位。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
            })
            .Produces<TrackedDemand>().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("凭受理编号与手机号后四位查询办理进度（不含个人信息；查询失败过多时 429，见 Retry-After）");

        pub.MapPost("/{ticket}/rating", async Task<IResult> (LianxinDb db, OrgDirectory org, TimeProvider clock, TrackingThrottle throttle, HttpContext http, string ticket, string? phoneTail,
                RateRequest request, CancellationToken ct) =>
            {
                var client = TrackingThrottle.ClientOf(http);
                if (throttle.RetryAfter(ticket, client) is { } wait) return TrackingThrottle.TooMany(http, wait);
                var rated = await RateDemand.ByResidentAsync(db, org, clock, ticket, phoneTail ?? "", request, ct);
                if (rated.Kind == OutcomeKind.NotFound) throttle.Failed(ticket, client);
                return rated.ToApi(v => TypedResults.Ok(new ResidentRated(v.State)));
            })
            .Produces<ResidentRated>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("居民评价办理结果");
    }

    /// <summary>What a resident learns from rating: the demand's state, nothing more.</summary>
    public record ResidentRated(DemandState State);

    public class DemandListQuery
    {
        public DemandState? State { get; set; }
        public DemandLevel? Level { get; set; }
        public Guid? CategoryId { get; set; }
        public Guid? UnitId { get; set; }
        public bool? Overdue { get; set; }
        public string? Q { get; set; }
        /// <summary>Page number for small sets; page 1 is the first keyset page. Ignored when a cursor is given.</summary>
        public int? Page { get; set; }
        public int? PageSize { get; set; }
        /// <summary>The opaque <c>next</c> or <c>previous</c> of an earlier answer: the page after or before it, without gaps or repeats while demands come in.</summary>
        public string? Cursor { get; set; }

        public DemandFilter ToFilter() => new()
        {
            State = State, Level = Level, CategoryId = CategoryId, UnitId = UnitId, Overdue = Overdue, Q = Q, Page = Page ?? 1, PageSize = PageSize ?? 20,
            Cursor = Cursor,
        };
    }

}
