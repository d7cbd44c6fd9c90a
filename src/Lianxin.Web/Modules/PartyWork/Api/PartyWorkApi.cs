using Lianxin.Web.Modules.Demands.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.PartyWork.Domain;
using Lianxin.Web.Modules.PartyWork.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;

namespace Lianxin.Web.Modules.PartyWork.Api;

/// <summary>/api/v1/partywork: the recruiting pipeline (发展党员).</summary>
public static class PartyWorkApi
{
    public static void MapPartyWorkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partywork").WithTags("PartyWork").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/recruits", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, RecruitStage? stage, CancellationToken ct) =>
                (await PipelineBoard.HandleAsync(db, org, clock, unitId, stage, ct)).ToApi(TypedResults.Ok))
            .Produces<Board>().WithSummary("发展党员看板：各人所处环节、起始日期、下一步及期限（逾期在前）");
        group.MapPost("/recruits", async (LianxinDb db, OrgDirectory org, MemberDirectory members, DemandDirectory demands, PersonalData pd, TimeProvider clock, ApplicationInput request, CancellationToken ct) =>
                (await RegisterApplication.HandleAsync(db, org, members, demands, pd, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/partywork/recruits/{v.Id}", v)))
            .Produces<RecruitSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记入党申请");
        group.MapGet("/recruits/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await GetRecruit.HandleAsync(db, org, clock, id, ct)).ToApi(TypedResults.Ok))
            .Produces<RecruitDetail>().WithSummary("发展党员档案：已办环节、材料与可办理的下一步");
        group.MapPost("/recruits/{id:guid}/steps", async (LianxinDb db, TimeProvider clock, Guid id, StepInput request, CancellationToken ct) =>
                (await RecordStep.HandleAsync(db, clock, id, request, [], ct)).ToApi(TypedResults.Ok))
            .Produces<RecruitSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("办理下一步（顺序不符或未满规定期限时 409，并说明所依据的规定）");
        group.MapGet("/applications/mine", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, CancellationToken ct) =>
                (await MyApplications.HandleAsync(db, org, places, ct)).ToApi(TypedResults.Ok))
            .Produces<ApplyPage>().WithSummary("居民：可受理我入党申请的小区、网格党支部，以及我的入党申请办理到哪一步");
        group.MapPost("/applications/mine", async (LianxinDb db, OrgDirectory org, PlaceDirectory places, MemberDirectory members, PersonalData pd, TimeProvider clock,
                ResidentApplicationInput request, CancellationToken ct) =>
                (await ApplyForMembership.HandleAsync(db, org, places, members, pd, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/partywork/applications/mine", v)))
            .Produces<RecruitSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("居民本人通过所在小区或网格党支部递交入党申请（已有办理中的申请时 409）");
    }
}
