using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.CoBuilding.Domain;
using Lianxin.Web.Modules.CoBuilding.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;

namespace Lianxin.Web.Modules.CoBuilding.Api;

/// <summary>/api/v1/cobuilding: the three lists (needs, resources, projects), matches, agreements, fulfilment and the annual review.</summary>
public static class CoBuildingLoopApi
{
    public static void MapCoBuildingLoopApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/cobuilding").WithTags("CoBuilding").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/needs", async (LianxinDb db, OrgDirectory org, string? q, SupplyKind? kind, NeedStatus? status, int? page, CancellationToken ct) =>
                (await ListNeeds.HandleAsync(db, org, q, kind, status, page ?? 1, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<NeedRow>>().WithSummary("需求清单（按名称或地点搜索、按类别和状态筛选、分页）");
        g.MapPost("/needs", async (LianxinDb db, OrgDirectory org, TimeProvider clock, NeedInput request, CancellationToken ct) =>
                (await PublishNeed.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/needs/{v.Id}", v)))
            .Produces<LoopSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("社区（街道）发布需求");
        g.MapGet("/needs/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetNeed.HandleAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<NeedDetail>().WithSummary("需求详情：已确认的对接、推荐资源（工作人员）、本单位可响应的资源（联络员）");
        g.MapPost("/needs/{id:guid}/matches", async (LianxinDb db, TimeProvider clock, Guid id, MatchRequest request, CancellationToken ct) =>
                (await ConfirmMatch.HandleAsync(db, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/needs/{id}", v)))
            .Produces<LoopSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("确认对接：承诺资源的一定数量（联络员以本单位资源响应需求）；超过剩余数量时 409");

        g.MapGet("/resources", async (LianxinDb db, TimeProvider clock, string? q, SupplyKind? kind, bool? available, bool? mine, int? page, CancellationToken ct) =>
                (await ListResources.HandleAsync(db, clock, q, kind, available ?? false, mine ?? false, page ?? 1, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<ResourceRow>>().WithSummary("资源清单（搜索、按类型筛选、只看可用、只看本单位、分页）");
        g.MapPost("/resources", async (LianxinDb db, TimeProvider clock, ResourceInput request, CancellationToken ct) =>
                (await PublishResource.HandleAsync(db, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/resources/{v.Id}", v)))
            .Produces<LoopSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("共建单位发布资源（联络员只能为本单位发布）");
        g.MapGet("/resources/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await GetResource.HandleAsync(db, id, ct)).ToApi(TypedResults.Ok))
            .Produces<ResourceRow>().WithSummary("资源详情");
        g.MapPut("/resources/{id:guid}", async (LianxinDb db, TimeProvider clock, Guid id, EditResourceRequest request, CancellationToken ct) =>
                (await EditResource.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改资源（数量不能少于已承诺的）");

        g.MapGet("/projects", async (LianxinDb db, OrgDirectory org, string? q, ProjectStatus? status, int? page, CancellationToken ct) =>
                (await ListProjects.HandleAsync(db, org, q, status, page ?? 1, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<ProjectRow>>().WithSummary("项目清单");
        g.MapPost("/projects", async (LianxinDb db, OrgDirectory org, TimeProvider clock, ProjectInput request, CancellationToken ct) =>
                (await CreateProject.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/projects/{v.Id}", v)))
            .Produces<LoopSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("立项：由已确认的对接或直接创建（目标、参与单位、预算、里程碑、日期）");
        g.MapGet("/projects/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetProject.HandleAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<ProjectDetail>().WithSummary("项目详情");
        g.MapPost("/projects/{id:guid}/milestones/{milestoneId:guid}/done", async (LianxinDb db, TimeProvider clock, Guid id, Guid milestoneId, DoneRequest request, CancellationToken ct) =>
                (await CompleteMilestone.HandleAsync(db, clock, id, milestoneId, request, ct)).ToApi(TypedResults.Ok))
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("里程碑完成");
        g.MapPost("/projects/{id:guid}/done", async (LianxinDb db, TimeProvider clock, Guid id, DoneRequest request, CancellationToken ct) =>
                (await FinishProject.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("项目完成");

        g.MapGet("/agreements", async (LianxinDb db, OrgDirectory org, string? q, int? year, AgreementStatus? status, int? page, CancellationToken ct) =>
                (await ListAgreements.HandleAsync(db, org, q, year, status, page ?? 1, ct)).ToApi(TypedResults.Ok))
            .Produces<Paged<AgreementRow>>().WithSummary("共建协议（契约化共建）");
        g.MapPost("/agreements", async (LianxinDb db, OrgDirectory org, TimeProvider clock, AgreementInput request, CancellationToken ct) =>
                (await CreateAgreement.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/cobuilding/agreements/{v.Id}", v)))
            .Produces<LoopSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("签订项目协议或年度共建协议，写明各方义务");
        g.MapGet("/agreements/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetAgreement.HandleAsync(db, org, id, ct)).ToApi(TypedResults.Ok))
            .Produces<AgreementDetail>().WithSummary("协议详情：各方义务与履约情况");
        g.MapPost("/agreements/{id:guid}/close", async (LianxinDb db, TimeProvider clock, Guid id, CloseAgreementRequest request, CancellationToken ct) =>
                (await CloseAgreement.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("关闭协议（尚有未履行义务时须写明原因）");
        g.MapPost("/obligations/{id:guid}/fulfilment", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest http, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(http, ct);
                if (!form.IsOk) return form.ToApi();
                var f = form.Value!;
                var e = new Errors();
                var request = new FulfilmentRequest { Note = f["note"].ToString() };
                if (DateOnly.TryParse(f["fulfilledOn"].ToString(), out var on)) request.FulfilledOn = on;
                else if (!string.IsNullOrWhiteSpace(f["fulfilledOn"])) e.Fail(nameof(request.FulfilledOn), "履约日期格式不正确（yyyy-MM-dd）。");
                if (int.TryParse(f["version"].ToString(), out var version)) request.Version = version;
                var (photos, photoErrors) = await PhotoUpload.ReadAsync(PhotoUpload.FilesOf(f), ct);
                foreach (var (k, v) in photoErrors) foreach (var m in v) e.Fail(k, m);
                if (e.Any) return TypedResults.ValidationProblem(e, title: "提交的内容有误");
                return (await ReportFulfilment.HandleAsync(db, clock, id, request, photos, ct)).ToApi(TypedResults.Ok);
            })
            .DisableAntiforgery().AcceptsPhotos("fulfilledOn", "note", "version")
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记履约（multipart：fulfilledOn、note、version，photos 最多 3 张，每张不超过 5 MB）");
        g.MapPost("/obligations/{id:guid}/rating", async (LianxinDb db, Guid id, RatingRequest request, CancellationToken ct) =>
                (await RateFulfilment.HandleAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<LoopSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("社区评价履约（1–5 星）");

        g.MapPost("/reviews", async (LianxinDb db, OrgDirectory org, TimeProvider clock, AnnualReviewRequest request, CancellationToken ct) =>
                (await RunAnnualReview.HandleAsync(db, org, clock, request, ct)).ToApi(TypedResults.Ok))
            .Produces<IReadOnlyList<UnitReviewRow>>().ProducesValidationProblem().WithSummary("年度履约评议：为驻区共建单位计算当年履约率与得分");
        g.MapGet("/reviews", async (LianxinDb db, OrgDirectory org, Guid unitId, int year, CancellationToken ct) =>
                (await ListUnitReviews.HandleAsync(db, org, unitId, year, ct)).ToApi(TypedResults.Ok))
            .Produces<IReadOnlyList<UnitReviewRow>>().WithSummary("年度履约评议结果");
    }
}
