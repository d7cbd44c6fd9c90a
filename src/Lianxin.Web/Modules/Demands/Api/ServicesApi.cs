using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Demands.Data;
using Lianxin.Web.Modules.Demands.Domain;
using Lianxin.Web.Modules.Demands.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Demands.Api;

/// <summary>
/// /api/v1/demands/slots: appointment slots for services on a resident's behalf (代办·帮办·陪办·预约办);
/// /api/v1/demands/{id}/appointment and /photos; /api/v1/public/demands/slots for the anonymous intake.
/// Same answers as the rest of Demands: 400 bad input, 409 broken rule, 404 missing or out of scope, 403 not permitted.
/// </summary>
public static class ServicesApi
{
    public static void MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/demands").WithTags("Demands · services").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/slots", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid communityId, DateOnly? week, CancellationToken ct) =>
                (await ServiceSlots.WeekAsync(db, org, communityId, week ?? clock.Today(), ct)).ToApi(TypedResults.Ok))
            .Produces<List<SlotDto>>().WithSummary("社区一周的预约时段（week 为该周任一日期，默认本周）");

        group.MapPost("/slots", async (LianxinDb db, OrgDirectory org, TimeProvider clock, SlotRequest request, CancellationToken ct) =>
                (await ServiceSlots.CreateAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/demands/slots?communityId={v.CommunityId}", v)))
            .Produces<SlotDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("发布预约时段：日期、起止时间（北京时间）、可预约人数、提供的服务、办理地点");

        group.MapDelete("/slots/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await ServiceSlots.RemoveAsync(db, id, ct)).ToApi(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("删除无人预约的时段（已有预约则 409）");

        group.MapGet("/{id:guid}/appointment", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await ServiceSlots.ForDemandAsync(db, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<AppointmentDto>().WithSummary("诉求的预约时段");

        group.MapDelete("/{id:guid}/appointment", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, int version, CancellationToken ct) =>
                (await ServiceSlots.CancelByStaffAsync(db, org, clock, id, version, ct)).ToApi(TypedResults.Ok))
            .Produces<AppointmentCancelled>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("取消预约，释放名额（须带诉求的 version）");

        group.MapGet("/{id:guid}/photos", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await DemandPhotos.ListAsync(db, id, ct)).ToApi(TypedResults.Ok))
            .Produces<List<DemandPhotoDto>>().WithSummary("诉求的照片（原件与缩略图由 /api/v1/files 提供，与诉求本身同样的权限）");

        group.MapPost("/{id:guid}/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest request, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(request, ct);
                if (!form.IsOk) return form.ToApi();
                return (await DemandPhotos.AddAsync(db, clock, id, PhotoUpload.FilesOf(form.Value!), ct)).ToApi(v => TypedResults.Created($"/api/v1/demands/{id}/photos", v));
            })
            .DisableAntiforgery().AcceptsPhotos()
            .Produces<PhotosAdded>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("为诉求补充照片（multipart，每次最多 3 张，每张不超过 5 MB，JPG/PNG/WebP）");

        app.MapGet("/api/v1/public/demands/slots", async (LianxinDb db, TimeProvider clock, Guid communityId, ServiceMode? mode, CancellationToken ct) =>
                TypedResults.Ok(await ServiceSlots.FreeAsync(db, clock, communityId, mode, ct)))
            .AllowAnonymous().WithTags("Demands (public)").Produces<List<FreeSlot>>()
            .WithSummary("社区尚有名额的预约时段（公开，可按服务 mode 筛选）");

        app.MapPost("/api/v1/public/demands/{ticket}/appointment/cancel", async Task<IResult> (LianxinDb db, OrgDirectory org, TimeProvider clock, TrackingThrottle throttle, HttpContext http,
                string ticket, string? phoneTail, CancellationToken ct) =>
            {
                var client = TrackingThrottle.ClientOf(http);
                if (throttle.RetryAfter(ticket, client) is { } wait) return TrackingThrottle.TooMany(http, wait);
                var cancelled = await ServiceSlots.CancelByResidentAsync(db, org, clock, ticket, phoneTail ?? "", ct);
                if (cancelled.Kind == OutcomeKind.NotFound) throttle.Failed(ticket, client);
                return cancelled.ToApi(TypedResults.Ok);
            })
            .AllowAnonymous().WithTags("Demands (public)").Produces<AppointmentCancelled>().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("居民凭受理编号与手机号后四位取消预约");
    }
}
