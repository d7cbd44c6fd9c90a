using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Venues.Domain;
using Lianxin.Web.Modules.Venues.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Venues.Api;

/// <summary>/api/v1/venues: venues, their checklist and rooms, bookings.</summary>
public static class VenuesApi
{
    public static void MapVenuesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/venues").WithTags("Venues").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await VenueQueries.ListAsync(db, org, ct)).ToApi(TypedResults.Ok))
            .Produces<List<VenueRow>>().WithSummary("阵地列表（类型、状态、一室四中心、六有达标项数）");
        g.MapPost("/", async (LianxinDb db, OrgDirectory org, VenueInput request, CancellationToken ct) =>
                (await SaveVenue.HandleAsync(db, org, null, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/venues/{v.Id}", v)))
            .Produces<VenueSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记阵地");
        g.MapPut("/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, VenueInput request, CancellationToken ct) =>
                (await SaveVenue.HandleAsync(db, org, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<VenueSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改阵地（状态、功能、开放时间）");
        g.MapGet("/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, DateOnly? day, CancellationToken ct) =>
                (await VenueQueries.DetailAsync(db, org, clock, id, day, ct)).ToApi(TypedResults.Ok))
            .Produces<VenueDetail>().WithSummary("阵地详情：六有清单、功能室及当日预约");
        g.MapPost("/{id:guid}/rooms", async (LianxinDb db, OrgDirectory org, Guid id, RoomInput request, CancellationToken ct) =>
                (await VenueSetup.AddRoomAsync(db, org, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/venues/{id}", new { id = v })))
            .ProducesValidationProblem().WithSummary("添加功能室");
        g.MapPost("/{id:guid}/checks", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CheckInput request, CancellationToken ct) =>
                (await VenueSetup.CheckAsync(db, org, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<StandardItem>().ProducesValidationProblem().WithSummary("六有达标项：登记佐证");
        g.MapPost("/rooms/{roomId:guid}/bookings", async (LianxinDb db, OrgDirectory org, PersonalData pd, TimeProvider clock, Guid roomId, BookRoomRequest request,
                CancellationToken ct) => (await BookRoom.HandleAsync(db, org, pd, clock, roomId, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/venues/bookings/{v.Id}", v)))
            .Produces<BookingSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("预约功能室（同一时段不能重复预约）");
        g.MapPost("/bookings/{bookingId:guid}/cancel", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid bookingId, CancellationToken ct) =>
                (await BookRoom.CancelAsync(db, org, clock, bookingId, ct)).ToApi(TypedResults.Ok))
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("取消预约");
    }
}
