using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Features.Dispatch;
using Lianxin.Web.Modules.OrgLife.Features.Plans;
using Lianxin.Web.Modules.OrgLife.Features.Visits;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Api;

/// <summary>/api/v1/orglife: household visits (日走访), weekly dispatch meetings (周调度) and the branches' yearly meeting plans.</summary>
public static class OrgLifeWorkApi
{
    public static void MapOrgLifeWorkApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/orglife").WithTags("OrgLife").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/visits", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await ListVisits.HandleAsync(db, org, places, clock, unitId, from, to, ct)).ToApi())
            .Produces<VisitReport>().ProducesValidationProblem().WithSummary("入户走访：区间内的走访、人均走访、住户覆盖率（covered/households）和走访转诉求数");
        g.MapPost("/visits", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, TimeProvider clock, VisitInput request, CancellationToken ct) =>
                (await LogVisit.HandleAsync(db, org, places, demands, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/orglife/visits/{v.Id}", v)))
            .Produces<VisitSaved>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("登记入户走访；raiseDemand 为 true 时同时登记诉求（来源：入户走访）");
        g.MapGet("/visits/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) => (await GetVisit.HandleAsync(db, id, ct)).ToApi())
            .Produces<VisitDetail>().WithSummary("走访详情");
        g.MapGet("/visits/options", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, DemandDirectory demands, CancellationToken ct) =>
                (await VisitForm.HandleAsync(db, org, places, demands, ct)).ToApi())
            .Produces<VisitFormOptions>().WithSummary("可走访的住户与各社区的诉求类别");

        g.MapGet("/dispatch", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await GetDispatchMeeting.ListAsync(db, org, ct)).ToApi())
            .Produces<List<DispatchMeetingRow>>().WithSummary("社区周调度会列表");
        g.MapPost("/dispatch", async (LianxinDb db, OrgDirectory org, DemandDirectory demands, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock, DispatchMeetingInput request, CancellationToken ct) =>
                (await CreateDispatchMeeting.HandleAsync(db, org, demands, pledges, projects, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/orglife/dispatch/{v.Id}", v)))
            .Produces<DispatchMeetingSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("召开周调度会：自动生成议程（未办结诉求、超期承诺事项），上次未办结事项结转");
        g.MapGet("/dispatch/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetDispatchMeeting.HandleAsync(db, org, clock, id, ct)).ToApi())
            .Produces<DispatchMeetingDetail>().WithSummary("周调度会：议程、事项、上周事项办结与结转情况");
        g.MapPost("/dispatch/{id:guid}/items", async (LianxinDb db, TimeProvider clock, Guid id, ActionItemInput request, CancellationToken ct) =>
                (await ActionItems.AddAsync(db, clock, id, request, ct)).ToApi())
            .Produces<ActionItemSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("添加调度事项（责任人、完成期限）");
        g.MapPost("/dispatch/items/{itemId:guid}/close", async (LianxinDb db, TimeProvider clock, Guid itemId, CloseItemInput request, CancellationToken ct) =>
                (await ActionItems.CloseAsync(db, clock, itemId, request, ct)).ToApi())
            .Produces<ActionItemSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("办结调度事项");

        g.MapGet("/plans", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await GetPlan.ListAsync(db, org, ct)).ToApi())
            .Produces<List<PlanRow>>().WithSummary("各支部的年度组织生活计划");
        g.MapPost("/plans", async (LianxinDb db, OrgDirectory org, TimeProvider clock, GeneratePlanInput request, CancellationToken ct) =>
                (await GeneratePlan.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/orglife/plans/{v.Id}", v)))
            .Produces<PlanSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("按组织生活规则生成支部年度计划草稿");
        g.MapGet("/plans/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetPlan.HandleAsync(db, org, clock, id, ct)).ToApi())
            .Produces<PlanDetail>().WithSummary("年度计划与每场会议的召开情况");
        g.MapPut("/plans/{id:guid}", async (LianxinDb db, Guid id, SavePlanInput request, CancellationToken ct) => (await SavePlan.HandleAsync(db, id, request, ct)).ToApi())
            .Produces<PlanSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改年度计划（version 不符时 409）");
    }
}
