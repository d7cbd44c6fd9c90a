using Lianxin.Web.Platform.OpenApi;
using System.Text.Json;
using Lianxin.Web.Modules.Campaigns.Features;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Modules.Campaigns.Api;

/// <summary>/api/v1/campaigns: special campaigns (专项行动), their inspections, findings and rectification tasks.</summary>
public static class CampaignsApi
{
    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", async (LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct) =>
                (await ListCampaigns.HandleAsync(db, org, clock, ct)).ToApi(TypedResults.Ok))
            .Produces<CampaignList>().WithSummary("本人管辖范围内的专项行动");
        group.MapPost("", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, CampaignInput request, CancellationToken ct) =>
                (await SaveCampaign.HandleAsync(db, org, places, clock, null, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/campaigns/{v.Id}", v)))
            .Produces<CampaignSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("街道部署专项行动（草稿）：名称、类别、期限、检查清单、范围内的小区和楼栋");
        group.MapPut("/{id:guid}", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, TimeProvider clock, Guid id, CampaignInput request, CancellationToken ct) =>
                (await SaveCampaign.HandleAsync(db, org, places, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CampaignSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改草稿（启动后不能再改）");
        group.MapGet("/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetCampaign.HandleAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<CampaignDetail>().WithSummary("专项行动详情：检查清单、范围、各社区进度、发现的问题（逾期在前）");
        group.MapPost("/{id:guid}/start", async (LianxinDb db, TimeProvider clock, Guid id, CampaignStateRequest request, CancellationToken ct) =>
                (await StartCampaign.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CampaignSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("启动专项行动");
        group.MapPost("/{id:guid}/close", async (LianxinDb db, TimeProvider clock, Guid id, CampaignStateRequest request, CancellationToken ct) =>
                (await CloseCampaign.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CampaignSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("结束专项行动（未验收的整改继续跟踪）");
        group.MapGet("/{id:guid}/progress", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await CampaignProgress.HandleAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<ProgressReport>().WithSummary("各社区进度：范围内点位、已检查、问题、整改中/逾期/待验收/已验收");
        group.MapGet("/{id:guid}/inspection-form", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await InspectionForm.HandleAsync(db, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<InspectionFormDto>().WithSummary("检查表：检查清单和本人可检查的小区、楼栋");
        group.MapPost("/{id:guid}/inspections", async (LianxinDb db, TimeProvider clock, Guid id, InspectionInput request, CancellationToken ct) =>
                (await RecordInspection.HandleAsync(db, clock, id, request, [], ct)).ToApi(v => TypedResults.Created($"/api/v1/campaigns/{id}", v)))
            .Produces<InspectionSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记检查（不合格项和填写的问题各生成问题和整改任务；期间外 409）");
        group.MapPost("/{id:guid}/inspections/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest http, IOptions<JsonOptions> json, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(http, ct);
                if (!form.IsOk) return form.ToApi();
                InspectionInput? request = null;
                try { request = JsonSerializer.Deserialize<InspectionInput>(form.Value!["inspection"].ToString(), json.Value.SerializerOptions); }
                catch (JsonException) { }
                if (request is null) return TypedResults.ValidationProblem(new Errors().Fail("inspection", "请在字段 inspection 中提交检查内容（JSON）。"), title: "提交的内容有误");
                var (photos, errors) = await PhotoUpload.ReadAsync(PhotoUpload.FilesOf(form.Value!), ct);
                if (errors.Any) return TypedResults.ValidationProblem(errors, title: "提交的内容有误");
                return (await RecordInspection.HandleAsync(db, clock, id, request, photos, ct)).ToApi(v => TypedResults.Created($"/api/v1/campaigns/{id}", v));
            })
            .DisableAntiforgery().AcceptsPhotos("inspection")
            .Produces<InspectionSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记检查并附照片（multipart：inspection 为 JSON，photos 最多 3 张，每张不超过 5 MB）");
        group.MapGet("/findings/{id:guid}", async (LianxinDb db, OrgDirectory org, DemandDirectory demands, PartnerUnitDirectory partners, TimeProvider clock, Guid id,
                CancellationToken ct) => (await GetFinding.HandleAsync(db, org, demands, partners, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<FindingDetail>().WithSummary("问题详情：整改任务、照片、转诉求和承诺");
        group.MapPost("/findings/{id:guid}/demand", async (LianxinDb db, OrgDirectory org, DemandDirectory demands, TimeProvider clock, Guid id, RaiseDemandInput request,
                CancellationToken ct) => (await RaiseDemand.HandleAsync(db, org, demands, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<FindingSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("问题转为群众诉求（由诉求模块登记）");
        group.MapPost("/findings/{id:guid}/pledge", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, RaisePledgeInput request, CancellationToken ct) =>
                (await RaisePledge.HandleAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<FindingSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("问题列入为民办实事（生成承诺草稿）");
        group.MapPost("/tasks/{id:guid}/assign", async (LianxinDb db, PartnerUnitDirectory partners, TimeProvider clock, Guid id, AssignTaskInput request, CancellationToken ct) =>
                (await AssignTask.HandleAsync(db, partners, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<TaskSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("指定整改责任单位（或共建单位）和期限");
        group.MapPost("/tasks/{id:guid}/done", async (LianxinDb db, TimeProvider clock, Guid id, TaskDoneInput request, CancellationToken ct) =>
                (await ReportTaskDone.HandleAsync(db, clock, id, request, [], ct)).ToApi(TypedResults.Ok))
            .Produces<TaskSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("报告整改完成（附整改情况）");
        group.MapPost("/tasks/{id:guid}/verify", async (LianxinDb db, TimeProvider clock, Guid id, VerifyTaskInput request, CancellationToken ct) =>
                (await VerifyTask.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<TaskSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("验收整改：通过，或退回并说明原因");
    }
}
