using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Deliberation.Domain;
using Lianxin.Web.Modules.Deliberation.Features;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Indicators;

namespace Lianxin.Web.Modules.Deliberation.Api;

/// <summary>/api/v1/deliberation: motions and their meetings (三级议事), compounds' committees, property and conventions, figures.</summary>
public static class DeliberationApi
{
    public static void MapDeliberationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliberation").WithTags("Deliberation").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/motions", async (LianxinDb db, MotionState? state, MotionLevel? level, bool? mine, CancellationToken ct) =>
                (await MotionQueries.ListAsync(db, state, level, mine ?? false, ct)).ToApi(TypedResults.Ok))
            .Produces<List<MotionRow>>().WithSummary("议题列表（按状态、层级筛选；mine=true 为待本级议事的议题）");
        group.MapPost("/motions", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock, RaiseMotionRequest request, CancellationToken ct) =>
                (await RaiseMotion.HandleAsync(db, org, places, demands, clock, request, isPublic: false, ct)).ToApi(v => TypedResults.Created($"/api/v1/deliberation/motions/{v.Id}", v)))
            .Produces<MotionSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("党员或工作人员在小区提出议题（可由诉求转入）");
        group.MapGet("/motions/{id:guid}", async (LianxinDb db, OrgDirectory org, PersonalData pd, Guid id, CancellationToken ct) =>
                (await MotionQueries.DetailAsync(db, org, pd, id, ct)).ToApi(TypedResults.Ok))
            .Produces<MotionDetail>().WithSummary("议题详情与各级议事会记录");
        group.MapPost("/motions/{id:guid}/meetings", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RecordMeetingRequest request, CancellationToken ct) =>
                (await RecordMeeting.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<MeetingRecorded>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("记录本级议事会：议定则办结（可转为办实事事项），未议定则提交上一级");

        group.MapPost("/proposals", async Task<IResult> (LianxinDb db, OrgDirectory org, PlaceDirectory places, PersonalData pd, TimeProvider clock,
                PublicMotionLimiter limiter, HttpContext http, ProposalRequest request, CancellationToken ct) =>
                !limiter.TryAcquire(http, out var wait)
                    ? TooManyRequests.Problem(http, wait, PublicMotionLimiter.Message)
                    : (await FileProposal.HandleAsync(db, org, places, pd, clock, request, ct)).ToApi(v => TypedResults.Created((string?)null, v)))
            .AllowAnonymous().ProducesProblem(StatusCodes.Status429TooManyRequests).Produces<MotionSaved>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("网上提议：居民（可不登录）就小区或全社区的事提出建议，转为小区或社区议事会的议题");
        group.MapGet("/proposals/mine", async (LianxinDb db, CancellationToken ct) => (await MyProposals.HandleAsync(db, ct)).ToApi(TypedResults.Ok))
            .Produces<List<ProposalRow>>().WithSummary("我的提议：登录居民提交的网上提议及其议事进展");

        // The motion form's compound picker asks here as the user types (issue 15: a district has thousands of compounds).
        group.MapGet("/compound-choices", async (string? q, string? cursor, int? limit, LianxinDb db, PlaceDirectory places, OrgDirectory org, CancellationToken ct) =>
                (await SearchMotionCompounds.HandleAsync(db, places, org, new(q, cursor, limit), ct)).ToApi(TypedResults.Ok))
            .Produces<CompoundChoicePage>().ProducesValidationProblem().WithSummary("按名称查找可提出议题的小区（管辖范围内，分页）");
        group.MapGet("/compounds", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
                (await CompoundQueries.ListAsync(db, org, places, clock, ct)).ToApi(TypedResults.Ok))
            .Produces<List<CompoundRow>>().WithSummary("辖区小区的业委会、红色业委会与物业服务情况");
        group.MapGet("/compounds/{id:guid}", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await CompoundQueries.ProfileAsync(db, org, places, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<CompoundProfile>().WithSummary("小区的业委会各届、物业服务、居民公约各版本与议题");
        group.MapPost("/compounds/{id:guid}/committees", async (LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid id, OwnersCommitteeRequest request, CancellationToken ct) =>
                (await SaveOwnersCommittee.HandleAsync(db, places, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/deliberation/compounds/{id}", v)))
            .Produces<CommitteeSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记新一届业委会");
        group.MapPut("/compounds/{id:guid}/property", async (LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid id, PropertyRequest request, CancellationToken ct) =>
                (await SavePropertyArrangement.HandleAsync(db, places, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PropertySaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记或修改小区物业服务方式");
        group.MapPost("/compounds/{id:guid}/convention", async (LianxinDb db, PlaceDirectory places, TimeProvider clock, Guid id, ConventionRequest request, CancellationToken ct) =>
                (await EditConvention.HandleAsync(db, places, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/deliberation/compounds/{id}", v)))
            .Produces<ConventionSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修订居民公约（每次修订为新版本；须基于最新版本）");

        group.MapGet("/streets/{id:guid}/red-rule", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await RedRules.GetAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RedRuleDto>().WithSummary("街道的红色业委会认定标准");
        group.MapPut("/streets/{id:guid}/red-rule", async (LianxinDb db, OrgDirectory org, Guid id, RedRuleRequest request, CancellationToken ct) =>
                (await RedRules.SetAsync(db, org, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<RedRuleDto>().ProducesValidationProblem().WithSummary("设定街道的红色业委会认定标准");
        group.MapGet("/figures", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, IndicatorCatalog catalog, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await DeliberationFigures.HandleAsync(db, org, places, catalog, clock, from, to, ct)).ToApi(TypedResults.Ok))
            .Produces<DeliberationFiguresDto>().ProducesValidationProblem().WithSummary("各社区议题数、各级议定率、平均议定天数与业委会、物业覆盖");

        var pub = app.MapGroup("/api/v1/public/deliberation").WithTags("Deliberation (public)").AllowAnonymous();
        pub.MapPost("/motions", async Task<IResult> (LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock, PublicMotionLimiter limiter,
                HttpContext http, RaiseMotionRequest request, CancellationToken ct) =>
                !limiter.TryAcquire(http, out var wait)
                    ? TooManyRequests.Problem(http, wait, PublicMotionLimiter.Message)
                    : (await RaiseMotion.HandleAsync(db, org, places, demands, clock, request, isPublic: true, ct)).ToApi(v => TypedResults.Created((string?)null, v)))
            .ProducesProblem(StatusCodes.Status429TooManyRequests).Produces<MotionSaved>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("居民在小区提出议题（无需登录）");
    }
}
