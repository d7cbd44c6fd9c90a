using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Volunteering.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Volunteering.Api;

public record ScanRequest(string? Token);

/// <summary>/api/v1/volunteering: teams, activities, sign-ups on a phone, check-in by code or by the organiser, confirmed hours, records and figures.</summary>
public static class VolunteeringApi
{
    public static void MapVolunteeringApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/volunteering").WithTags("Volunteering").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/teams", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await ListTeams.HandleAsync(db, org, ct)).ToApi())
            .Produces<List<TeamRow>>().WithSummary("志愿服务队列表");
        g.MapPost("/teams", async (LianxinDb db, OrgDirectory org, TimeProvider clock, TeamInput request, CancellationToken ct) =>
                (await CreateTeam.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/volunteering/teams/{v.Id}", v)))
            .Produces<TeamSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("组建志愿服务队");
        g.MapGet("/teams/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) => (await GetTeam.HandleAsync(db, org, id, ct)).ToApi())
            .Produces<TeamDetail>().WithSummary("志愿服务队与队员");
        g.MapPost("/teams/{id:guid}/members", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, TeamMemberInput request, CancellationToken ct) =>
                (await AddTeamMember.HandleAsync(db, members, clock, id, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/volunteering/teams/{id}", v)))
            .Produces<TeamMemberSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("加入队员（党员按名册、居民按账号或姓名）");

        g.MapGet("/activities", async (LianxinDb db, TimeProvider clock, bool? past, CancellationToken ct) =>
                (await ListActivities.HandleAsync(db, clock, past ?? false, ct)).ToApi())
            .Produces<List<ActivityRow>>().WithSummary("可报名或组织的志愿活动（past=true：近 60 天已结束的）");
        g.MapPost("/activities", async (LianxinDb db, OrgDirectory org, TimeProvider clock, ActivityInput request, CancellationToken ct) =>
                (await CreateActivity.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/volunteering/activities/{v.Id}", v)))
            .Produces<ActivitySaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("发布志愿活动（时间为北京时间）");
        g.MapGet("/activities/{id:guid}", async (LianxinDb db, OrgDirectory org, ScanCodes codes, Guid id, CancellationToken ct) =>
                (await GetActivity.HandleAsync(db, org, codes, id, ct)).ToApi())
            .Produces<ActivityDetail>().WithSummary("志愿活动详情（组织者另见报名名单与签到码）");
        g.MapPut("/activities/{id:guid}", async (LianxinDb db, TimeProvider clock, Guid id, ActivityEdit request, CancellationToken ct) =>
                (await EditActivity.HandleAsync(db, clock, id, request, ct)).ToApi())
            .Produces<ActivitySaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("修改志愿活动（开始前；version 过期返回 409）");
        g.MapPost("/activities/{id:guid}/cancellation", async (LianxinDb db, TimeProvider clock, Guid id, CancelActivityRequest request, CancellationToken ct) =>
                (await CancelActivity.HandleAsync(db, clock, id, request, ct)).ToApi())
            .Produces<ActivitySaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("取消志愿活动（写明原因；通知已报名和候补的志愿者）");
        g.MapPost("/activities/{id:guid}/signup", async Task<IResult> (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, CancellationToken ct) =>
                await Volunteers.CurrentAsync(db, members, ct) is { } who ? (await SignUp.HandleAsync(db, clock, id, who, ct)).ToApi() : TypedResults.Forbid())
            .Produces<SignupSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("报名（满员时进入候补）");
        g.MapPost("/activities/{id:guid}/cancel", async Task<IResult> (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, CancellationToken ct) =>
                await Volunteers.CurrentAsync(db, members, ct) is { } who ? (await CancelSignup.HandleAsync(db, clock, id, who, ct)).ToApi() : TypedResults.Forbid())
            .Produces<SignupSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("取消报名（名额递补给第一位候补）");
        g.MapPost("/activities/{id:guid}/attendees", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, AddAttendeeRequest request, CancellationToken ct) =>
                (await AddAttendee.HandleAsync(db, members, clock, id, request, ct)).ToApi())
            .Produces<SignupSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("组织者现场登记参加者");
        g.MapPost("/scan", async Task<IResult> (LianxinDb db, MemberDirectory members, ScanCodes codes, TimeProvider clock, ScanRequest request, CancellationToken ct) =>
                await Volunteers.CurrentAsync(db, members, ct) is { } who ? (await Scan.HandleAsync(db, codes, clock, request.Token, who, ct)).ToApi() : TypedResults.Forbid())
            .Produces<ScanResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("扫活动签到码：第一次签到，第二次签退");
        g.MapPost("/signups/{id:guid}/check-in", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await CheckIn.HandleAsync(db, clock, id, false, ct)).ToApi())
            .Produces<AttendanceSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("组织者代为签到");
        g.MapPost("/signups/{id:guid}/check-out", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await CheckIn.HandleAsync(db, clock, id, true, ct)).ToApi())
            .Produces<AttendanceSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("组织者代为签退");
        g.MapPost("/signups/{id:guid}/confirm", async (LianxinDb db, TimeProvider clock, Guid id, ConfirmHoursRequest request, CancellationToken ct) =>
                (await ConfirmHours.HandleAsync(db, clock, id, request, ct)).ToApi())
            .Produces<AttendanceSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("组织者确认服务时长（只能确认一次；有账号的志愿者获得积分）");

        g.MapGet("/me", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await MyRecord.HandleAsync(db, org, from ?? clock.Today().AddYears(-1), to ?? clock.Today(), ct)).ToApi())
            .Produces<VolunteerRecord>().ProducesValidationProblem().WithSummary("本人志愿服务记录与确认时长");
        g.MapGet("/me/upcoming", async (LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct) =>
                (await MyUpcomingSignups.HandleAsync(db, org, clock, ct)).ToApi())
            .Produces<IReadOnlyList<RecordLine>>().WithSummary("本人即将参加的志愿活动（明天起一年内，按日期先后）");
        g.MapGet("/figures", async (LianxinDb db, OrgDirectory org, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await VolunteeringFigures.HandleAsync(db, org, from ?? clock.Today().AddMonths(-1), to ?? clock.Today(), ct)).ToApi())
            .Produces<FiguresReport>().ProducesValidationProblem().WithSummary("按社区、队伍统计活动数、人数、时长与多次参与人数");
    }
}
