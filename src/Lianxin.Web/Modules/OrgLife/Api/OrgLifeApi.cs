using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.OrgLife.Api;

/// <summary>/api/v1/orglife: meetings and attendance, the arrears, the rules; and the branches' private iCalendar feeds.</summary>
public static class OrgLifeApi
{
    public static void MapOrgLifeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orglife").WithTags("OrgLife").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/meetings", async (LianxinDb db, OrgDirectory org, string? q, MeetingKind? kind, Guid? branchId, int? page, CancellationToken ct) =>
                (await ListMeetings.HandleAsync(db, org, q, kind, branchId, page ?? 1, ct)).ToApi())
            .Produces<Paged<MeetingRow>>().WithSummary("组织生活会议列表（按主题搜索、按类型和支部筛选、分页）");
        group.MapPost("/meetings", async (LianxinDb db, OrgDirectory org, TimeProvider clock, MeetingInput request, CancellationToken ct) =>
                (await CreateMeeting.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/orglife/meetings/{v.Id}", v)))
            .Produces<MeetingSaved>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("登记会议（同一支部时间重叠、补录时在 warnings 中提示）");
        group.MapGet("/meetings/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) =>
                (await GetMeeting.HandleAsync(db, org, id, ct)).ToApi())
            .Produces<MeetingDetail>().WithSummary("会议详情与出席情况");
        group.MapPut("/meetings/{id:guid}", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, EditMeetingRequest request, CancellationToken ct) =>
                (await EditMeeting.HandleAsync(db, members, clock, id, request, ct)).ToApi())
            .Produces<MeetingSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改会议（version 不符时 409）");
        group.MapPost("/meetings/{id:guid}/cancel", async (LianxinDb db, TimeProvider clock, Guid id, CancelMeetingRequest request, CancellationToken ct) =>
                (await CancelMeeting.HandleAsync(db, clock, id, request, ct)).ToApi())
            .Produces<MeetingSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("取消会议（保留记录，日历显示为已取消）");
        group.MapPost("/meetings/{id:guid}/approve-late", async (LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await ApproveLateEntry.HandleAsync(db, clock, id, ct)).ToApi())
            .Produces<MeetingSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("街道审核通过补录记录");
        group.MapGet("/meetings/{id:guid}/attendance", async (LianxinDb db, MemberDirectory members, Guid id, CancellationToken ct) =>
                (await GetAttendanceSheet.HandleAsync(db, members, id, ct)).ToApi())
            .Produces<AttendanceSheet>().WithSummary("会议当日支部在册党员名单与已登记的出席情况");
        group.MapPut("/meetings/{id:guid}/attendance", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, AttendanceInput request, CancellationToken ct) =>
                (await RecordAttendance.HandleAsync(db, members, clock, id, request, ct)).ToApi())
            .Produces<AttendanceSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记出席（只能登记会议当日本支部在册党员）");
        group.MapGet("/arrears", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await GetArrears.HandleAsync(db, org, clock, unitId, from, to, ct)).ToApi())
            .Produces<ArrearsReport>().ProducesValidationProblem().WithSummary("组织生活欠账：各支部欠开会议、参会率、连续缺席党员");
        group.MapGet("/rules", async (LianxinDb db, CancellationToken ct) => (await GetRules.HandleAsync(db, ct)).ToApi())
            .Produces<RulesView>().WithSummary("各类支部的组织生活规则、补录期限与主题党日规定动作");
        group.MapPut("/rules", async (LianxinDb db, RulesInput request, CancellationToken ct) => (await SaveRules.HandleAsync(db, request, ct)).ToApi())
            .Produces<RulesView>().ProducesValidationProblem().WithSummary("区委组织部设置组织生活规则");
        group.MapPost("/feeds/{branchId:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid branchId, CancellationToken ct) =>
                (await ResetFeedToken.HandleAsync(db, org, clock, branchId, ct)).ToApi())
            .Produces<FeedLink>().WithSummary("生成或重置支部的日历订阅链接（旧链接立即失效）");

        // A calendar app subscribes without signing in: the token in the URL is the key.
        app.MapGet("/orglife/feeds/{token}.ics", async (LianxinDb db, OrgDirectory org, TimeProvider clock, string token, CancellationToken ct) =>
                await GetFeedCalendar.HandleAsync(db, org, clock, token, ct) is { IsOk: true } cal
                    ? Results.Text(cal.Value!, "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
    }
}
