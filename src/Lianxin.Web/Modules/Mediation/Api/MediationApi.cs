using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Mediation.Domain;
using Lianxin.Web.Modules.Mediation.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;
using Lianxin.Web.Platform.Privacy;

namespace Lianxin.Web.Modules.Mediation.Api;

/// <summary>/api/v1/deliberation/mediation: mediation cases (调解), seen only by their team and their community's secretary and staff.</summary>
public static class MediationApi
{
    public static void MapMediationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliberation/mediation").WithTags("Mediation").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/cases", async (LianxinDb db, OrgDirectory org, CaseState? state, CancellationToken ct) =>
                (await CaseQueries.ListAsync(db, org, state, ct)).ToApi(TypedResults.Ok))
            .Produces<List<CaseRow>>().WithSummary("本人参与调解或本社区的调解案件");
        group.MapPost("/cases", async (LianxinDb db, OrgDirectory org, PersonalData personal, TimeProvider clock, OpenCaseRequest request, CancellationToken ct) =>
                (await OpenCase.HandleAsync(db, org, personal, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/deliberation/mediation/cases/{v.Id}", v)))
            .Produces<CaseSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记调解案件并组建调解团队");
        group.MapGet("/cases/{id:guid}", async (LianxinDb db, OrgDirectory org, PersonalData personal, Guid id, CancellationToken ct) =>
                (await CaseQueries.DetailAsync(db, org, personal, id, ct)).ToApi(TypedResults.Ok))
            .Produces<CaseDetail>().WithSummary("调解案件详情（当事人信息仅对调解团队完整显示）");
        group.MapPost("/cases/{id:guid}/sessions", async (LianxinDb db, TimeProvider clock, Guid id, SessionRequest request, CancellationToken ct) =>
                (await CaseProgress.SessionAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CaseSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记一次调解");
        group.MapPost("/cases/{id:guid}/follow-up", async (LianxinDb db, TimeProvider clock, Guid id, FollowUpRequest request, CancellationToken ct) =>
                (await CaseProgress.FollowUpAsync(db, clock, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<CaseSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记协议履行回访");
        group.MapGet("/cases/{id:guid}/team", async (LianxinDb db, Guid id, CancellationToken ct) => (await EditTeam.GetAsync(db, id, ct)).ToApi(TypedResults.Ok))
            .Produces<TeamView>().WithSummary("调解团队成员（本社区书记、社工可维护）");
        group.MapPost("/cases/{id:guid}/team", async (LianxinDb db, Guid id, TeamInput request, CancellationToken ct) =>
                (await EditTeam.AddAsync(db, id, request, ct)).ToApi(TypedResults.Ok))
            .Produces<TeamRow>().ProducesValidationProblem().WithSummary("添加调解团队成员（社区法官、社区调解员、调解志愿者）");
        group.MapDelete("/cases/{id:guid}/team/{memberId:guid}", async (LianxinDb db, Guid id, Guid memberId, CancellationToken ct) =>
                (await EditTeam.RemoveAsync(db, id, memberId, ct)).ToApi(TypedResults.Ok))
            .Produces<TeamRow>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("移出调解团队成员（移出后不再能查看该案件）");
        group.MapGet("/cases/{id:guid}/files/{fileId:guid}", async (LianxinDb db, Guid id, Guid fileId, bool? thumbnail, HttpResponse response, CancellationToken ct) =>
                (await CaseFiles.ReadAsync(db, id, fileId, thumbnail ?? false, ct)).ToFile(response))
            .ProducesFile("image/*").WithSummary("调解协议书（照片或扫描件）");
    }
}
