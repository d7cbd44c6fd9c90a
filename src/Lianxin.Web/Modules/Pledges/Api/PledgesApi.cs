using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Domain;
using Lianxin.Web.Modules.Pledges.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Pledges.Api;

/// <summary>/api/v1/pledges: 我为群众办实事; /api/v1/public/board/{unitId}: the anonymous public board as data.</summary>
public static class PledgesApi
{
    public static void MapPledgesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/pledges").WithTags("Pledges").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async (LianxinDb db, TimeProvider clock, PledgeStatus? status, CancellationToken ct) =>
                (await PledgeQueries.ListAsync(db, clock, status, ct)).ToApi(TypedResults.Ok))
            .Produces<List<PledgeRow>>().WithSummary("承诺事项列表（按期推进、滞后、已完成）");
        group.MapPost("/", async (LianxinDb db, OrgDirectory org, TimeProvider clock, CreatePledgeRequest request, CancellationToken ct) =>
                (await CreatePledge.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/pledges/{v.Id}", v)))
            .Produces<PledgeSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("新建承诺事项：责任清单与任务清单");
        group.MapGet("/{id:guid}", async (LianxinDb db, DemandDirectory demands, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await PledgeQueries.DetailAsync(db, demands, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeDetailDto>().WithSummary("承诺事项详情");
        group.MapPost("/{id:guid}/progress", async (LianxinDb db, TimeProvider clock, Guid id, ProgressRequest request, CancellationToken ct) =>
                (await PledgeProgress.AddAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记进度（进度清单）");
        group.MapPost("/{id:guid}/progress/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest http, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(http, ct);
                if (!form.IsOk) return form.ToApi();
                var e = new Errors();
                var request = ProgressForm.Read(form.Value!, e);
                var (photos, photoErrors) = await PhotoUpload.ReadAsync(PhotoUpload.FilesOf(form.Value!), ct);
                foreach (var (k, v) in photoErrors) foreach (var m in v) e.Fail(k, m);
                if (photos.Count == 0 && !photoErrors.Any) e.Fail("Photos", "请附上至少一张照片（字段名 photos）；不带照片的进度请用 /progress。");
                if (e.Any) return TypedResults.ValidationProblem(e, title: "提交的内容有误");
                return (await PledgeProgress.AddAsync(db, clock, id, request, ct, photos)).ToApi(TypedResults.Ok);
            })
            .DisableAntiforgery().AcceptsPhotos("percent", "note", "on", "version")
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记进度并附照片（multipart：percent、note、on、version，photos 最多 3 张，每张不超过 5 MB）");
        group.MapPost("/{id:guid}/tasks/{taskId:guid}/done", async (LianxinDb db, TimeProvider clock, Guid id, Guid taskId, CancellationToken ct) =>
                (await PledgeProgress.TaskDoneAsync(db, clock, id, taskId, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("任务完成");
        group.MapPost("/{id:guid}/demands", async (LianxinDb db, DemandDirectory demands, Guid id, LinkDemandRequest request, CancellationToken ct) =>
                (await PledgeProgress.LinkDemandAsync(db, demands, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("关联群众诉求");
        group.MapPost("/{id:guid}/close", async (LianxinDb db, TimeProvider clock, Guid id, ClosePledgeRequest request, CancellationToken ct) =>
                (await PledgeProgress.CloseAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("经群众确认后办结");
        group.MapGet("/counts", async (LianxinDb db, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await PledgeQueries.CountsAsync(db, from ?? clock.Today().AddYears(-1), to ?? clock.Today().AddYears(1), ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeCounts>().WithSummary("按承诺主体统计（班子成员、党组织、党员；及各责任人）：承诺数、完成数、按期完成数");

        group.MapGet("/mine", async (LianxinDb db, MemberDirectory members, CancellationToken ct) => (await ListMyPledges.HandleAsync(db, members, ct)).ToApi(TypedResults.Ok))
            .Produces<List<OwnPledgeRow>>().WithSummary("我的党员承诺（待审核、已退回、已公开）");
        group.MapPost("/mine", async (LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, OwnPledgeRequest request, CancellationToken ct) =>
                (await SubmitOwnPledge.HandleAsync(db, members, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/pledges/mine/{v.Id}", v)))
            .Produces<PledgeSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("党员本人提交承诺（党员承诺），经支部书记审核后公开");
        group.MapGet("/mine/{id:guid}", async (LianxinDb db, MemberDirectory members, Guid id, CancellationToken ct) => (await GetMyPledge.HandleAsync(db, members, id, ct)).ToApi(TypedResults.Ok))
            .Produces<OwnPledgeRow>().WithSummary("我的一项党员承诺");
        group.MapPut("/mine/{id:guid}", async (LianxinDb db, MemberDirectory members, OrgDirectory org, TimeProvider clock, Guid id, OwnPledgeRequest request, CancellationToken ct) =>
                (await EditOwnPledge.HandleAsync(db, members, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修改待审核或被退回的党员承诺并重新提交（须带 version）");
        group.MapGet("/pending", async (LianxinDb db, CancellationToken ct) => (await ListPendingPledges.HandleAsync(db, ct)).ToApi(TypedResults.Ok))
            .Produces<List<PendingPledge>>().WithSummary("待我审核的党员承诺");
        group.MapPost("/{id:guid}/approve", async (LianxinDb db, TimeProvider clock, Guid id, PledgeDecision request, CancellationToken ct) =>
                (await DecideOwnPledge.HandleAsync(db, clock, id, true, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("支部书记审核通过党员承诺（公开到为民解忧榜）");
        group.MapPost("/{id:guid}/return", async (LianxinDb db, TimeProvider clock, Guid id, PledgeDecision request, CancellationToken ct) =>
                (await DecideOwnPledge.HandleAsync(db, clock, id, false, request, ct)).ToApi(TypedResults.Ok))
            .Produces<PledgeSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("支部书记退回党员承诺（须填原因）");

        app.MapGet("/api/v1/public/board/{unitId:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, PledgeStatus? status, PledgeOwner? owner, CancellationToken ct) =>
                await PledgeQueries.BoardAsync(db, org, clock, unitId, status, owner, ct) is { } b
                    ? Results.Ok(b) : Results.Problem("未找到该街道或社区。", statusCode: StatusCodes.Status404NotFound, title: "未找到"))
            .AllowAnonymous().WithTags("Pledges (public)").Produces<Board>().WithSummary("为民解忧榜（公开）");
        app.MapGet("/api/v1/public/board/{unitId:guid}/photos/{photoId:guid}", async (LianxinDb db, OrgDirectory org, HttpResponse res, Guid unitId, Guid photoId, CancellationToken ct) =>
                (await PledgePhotos.ForBoardAsync(db, org, unitId, photoId, thumbnail: false, ct)).ToFile(res))
            .AllowAnonymous().WithTags("Pledges (public)").ProducesFile("image/*").WithSummary("为民解忧榜上的进度照片（仅限该榜单上的承诺事项）");
        app.MapGet("/api/v1/public/board/{unitId:guid}/photos/{photoId:guid}/thumbnail", async (LianxinDb db, OrgDirectory org, HttpResponse res, Guid unitId, Guid photoId, CancellationToken ct) =>
                (await PledgePhotos.ForBoardAsync(db, org, unitId, photoId, thumbnail: true, ct)).ToFile(res))
            .AllowAnonymous().WithTags("Pledges (public)").ProducesFile("image/jpeg").WithSummary("为民解忧榜上进度照片的缩略图");
    }
}
