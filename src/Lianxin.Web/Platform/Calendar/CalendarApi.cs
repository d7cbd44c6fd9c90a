using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Calendar;

/// <summary>/api/v1/calendar/{year}: the district's holidays and make-up working days of a year.</summary>
public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireAuthorization();
        g.MapGet("/{year:int}", async (LianxinDb db, int year, CancellationToken ct) => (await CalendarYear.GetAsync(db, year, ct)).ToApi())
            .Produces<CalendarYearDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("某年的法定节假日与调休上班日（未录入的年份只跳过周末）");
        g.MapPut("/{year:int}", async (LianxinDb db, int year, CalendarYearRequest body, CancellationToken ct) => (await SaveCalendarYear.HandleAsync(db, year, body, ct)).ToApi())
            .Produces<CalendarYearDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("整年替换法定节假日与调休上班日");
    }
}
