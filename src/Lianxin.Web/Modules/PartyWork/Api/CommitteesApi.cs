using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Contracts;
using Lianxin.Web.Modules.PartyWork.Features.Committees;
using Lianxin.Web.Modules.PartyWork.Features.Rectification;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.PartyWork.Api;

/// <summary>/api/v1/partywork: committees and terms (换届), reserve cadres, and rectification of weak branches (整顿提升).</summary>
public static class CommitteesApi
{
    public static void MapCommitteesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partywork").WithTags("PartyWork").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/committees", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, ExpiryFilter? filter, CancellationToken ct) =>
                (await ListExpiries.HandleAsync(db, org, clock, unitId, filter ?? ExpiryFilter.Due, ct)).ToApi(TypedResults.Ok))
            .Produces<ExpiryList>().WithSummary("换届提醒：各单位班子任期届满日期（6 个月、3 个月内届满标出）、书记空缺、未录入班子");
        group.MapGet("/units/{unitId:guid}/committees", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid unitId, CancellationToken ct) =>
                (await GetUnitCommittees.HandleAsync(db, org, clock, unitId, ct)).ToApi(TypedResults.Ok))
            .Produces<UnitCommittees>().WithSummary("一个单位的班子：本届成员、任期与历届换届记录");
        group.MapPost("/units/{unitId:guid}/elections", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, Guid unitId, ElectionInput request, CancellationToken ct) =>
                (await RecordElection.HandleAsync(db, org, members, clock, unitId, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/partywork/units/{unitId}/committees", v)))
            .Produces<ElectionSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记换届选举：新一届班子取代本届，本届留作历史");
        group.MapPost("/committees/{committeeId:guid}/seats", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, Guid committeeId, FillInput request, CancellationToken ct) =>
                (await FillSeat.HandleAsync(db, org, members, clock, committeeId, request, ct)).ToApi(TypedResults.Ok))
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("补选或任命本届班子的委员");
        group.MapPost("/seats/{seatId:guid}/vacate", async (LianxinDb db, TimeProvider clock, Guid seatId, VacateInput request, CancellationToken ct) =>
                (await VacateSeat.HandleAsync(db, clock, seatId, request, ct)).ToApi(TypedResults.Ok))
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记委员离任（职务空缺）");
        group.MapGet("/reserves", async (LianxinDb db, OrgDirectory org, Guid? communityId, CancellationToken ct) =>
                (await ListReserveCadres.HandleAsync(db, org, communityId, ct)).ToApi(TypedResults.Ok))
            .Produces<ReserveList>().WithSummary("社区后备干部（书记助理、主任助理、领头雁）");
        group.MapPost("/reserves", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, ReserveInput request, CancellationToken ct) =>
                (await AddReserveCadre.HandleAsync(db, org, members, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/partywork/reserves/{v}", v)))
            .Produces<Guid>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记社区后备干部");

        group.MapGet("/rectifications", async (LianxinDb db, OrgDirectory org, TimeProvider clock, CancellationToken ct) =>
                (await ListRectifications.HandleAsync(db, org, clock, ct)).ToApi(TypedResults.Ok))
            .Produces<RectificationList>().WithSummary("整顿提升：整顿中与已销号的党组织，及各街道数字");
        group.MapGet("/rectifications/candidates", async (LianxinDb db, OrgDirectory org, ReviewDirectory reviews, OrgLifeDirectory orgLife, TimeProvider clock, CancellationToken ct) =>
                (await SuggestRectification.HandleAsync(db, org, reviews, orgLife, clock, ct)).ToApi(TypedResults.Ok))
            .Produces<IReadOnlyList<RectifyCandidate>>().WithSummary("按认定标准自动筛查的整顿对象建议（书记空缺、考评低分、组织生活欠账、反复发现问题）");
        group.MapPost("/rectifications", async (LianxinDb db, OrgDirectory org, TimeProvider clock, RectificationInput request, CancellationToken ct) =>
                (await StartRectification.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/partywork/rectifications/{v.Id}", v)))
            .Produces<RectificationSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("确定整顿对象：原因、帮扶领导与整顿任务");
        group.MapGet("/rectifications/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetRectification.HandleAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RectificationDetail>().WithSummary("整顿记录：任务、进展与佐证、销号情况");
        group.MapPost("/rectifications/{id:guid}/progress", async (LianxinDb db, TimeProvider clock, Guid id, ProgressInput request, CancellationToken ct) =>
                (await RecordRectifyProgress.HandleAsync(db, clock, id, request, [], ct)).ToApi(TypedResults.Ok))
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记整顿进展（可标记任务完成）");
        group.MapPost("/rectifications/{id:guid}/exit", async (LianxinDb db, TimeProvider clock, Guid id, ExitInput request, CancellationToken ct) =>
                (await ExitRectification.HandleAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<RectificationSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("街道验收销号（仍有未完成任务时须说明理由，否则 409）");
    }
}
