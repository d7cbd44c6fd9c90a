using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Volunteering.Contracts;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform;
using Lianxin.Web.Modules.Members.Features;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Modules.Members.Api;

public record VersionRequest(int Version);

public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization();

        g.MapGet("/", async ([AsParameters] MemberFilterQuery q, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock,
                IOptions<ListOptions> lists, CancellationToken ct) =>
            (await ListMembers.HandleAsync(db, units, places, pd, clock, q.ToFilter(), lists.Value.CountCap, ct)).ToApi());
        g.MapGet("/stats", async (Guid unitId, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await MemberStatistics.HandleAsync(db, units, clock, unitId, ct)).ToApi());
        // The pickers of the Members pages ask here as the user types (issue 15: a district has thousands of units).
        g.MapGet("/units", async (string? q, UnitPurpose? purpose, OrgKind? kind, Guid? under, string? cursor, int? limit, LianxinDb db, OrgDirectory units, CancellationToken ct) =>
            (await SearchUnitChoices.HandleAsync(db, units, new(q, purpose ?? UnitPurpose.View, kind, under, cursor, limit), ct)).ToApi())
            .WithSummary("按名称查找可选的党组织（管辖范围内，分页）");
        g.MapGet("/compounds", async (string? q, string? cursor, int? limit, LianxinDb db, PlaceDirectory places, OrgDirectory units, CancellationToken ct) =>
            (await SearchCompoundChoices.HandleAsync(db, places, units, new(q, cursor, limit), ct)).ToApi())
            .WithSummary("按名称查找可选的居住小区（管辖范围内，分页）");
        g.MapGet("/roster", async (Guid unitId, DateOnly on, LianxinDb db, OrgDirectory units, CancellationToken ct) =>
            (await RosterOnDate.HandleAsync(db, units, unitId, on, ct)).ToApi());
        g.MapGet("/export", async Task<IResult> ([AsParameters] MemberFilterQuery q, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
        {
            var outcome = await ExportMembers.HandleAsync(db, units, places, pd, clock, q.ToFilter(), ct);
            return outcome.IsOk ? TypedResults.File(outcome.Value!, Xlsx.ContentType, ExportMembers.FileName(clock)) : outcome.ToApi();
        }).ProducesFile(Xlsx.ContentType);
        g.MapGet("/import/template", async Task<IResult> (LianxinDb db, OrgDirectory units, PlaceDirectory places, CancellationToken ct) =>
        {
            var outcome = await ImportMembers.TemplateAsync(db, units, places, ct);
            return outcome.IsOk ? TypedResults.File(outcome.Value!, Xlsx.ContentType, "党员导入模板.xlsx") : outcome.ToProblem();
        }).ProducesFile(Xlsx.ContentType);
        // The workbook is the request body (Content-Type of .xlsx), not a form: no cross-site form can send it.
        // The workbook is the request body (Content-Type of .xlsx), not a form: no cross-site form can send it. The import
        // runs in the background: 202 with the job, whose progress and result are at its Location.
        g.MapPost("/import", async Task<IResult> (HttpRequest request, [FromQuery] string? fileName, LianxinDb db, TimeProvider clock, JobHost jobs, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            var outcome = await ImportJobs.StartAsync(db, clock, jobs, fileName, buffer.ToArray(), ct);
            return outcome.IsOk ? TypedResults.Accepted($"/api/v1/members/import/{outcome.Value!.Id}", outcome.Value) : outcome.ToApi();
        }).Accepts<byte[]>(Xlsx.ContentType).Produces<ImportJobView>(StatusCodes.Status202Accepted);
        g.MapGet("/import/{jobId:guid}", async (Guid jobId, LianxinDb db, CancellationToken ct) => (await ImportJobs.GetAsync(db, jobId, ct)).ToApi());
        g.MapGet("/import/{jobId:guid}/rejects.xlsx", async Task<IResult> (Guid jobId, LianxinDb db, CancellationToken ct) =>
        {
            var outcome = await ImportJobs.RejectsAsync(db, jobId, ct);
            return outcome.IsOk ? TypedResults.File(outcome.Value!, Xlsx.ContentType, "未导入的行.xlsx") : outcome.ToApi();
        }).ProducesFile(Xlsx.ContentType);
        g.MapGet("/households/import/template", async Task<IResult> (LianxinDb db, PlaceDirectory places, CancellationToken ct) =>
        {
            var outcome = await ImportHouseholds.TemplateAsync(db, places, ct);
            return outcome.IsOk ? TypedResults.File(outcome.Value!, Xlsx.ContentType, "住户导入模板.xlsx") : outcome.ToProblem();
        }).ProducesFile(Xlsx.ContentType);
        g.MapPost("/households/import", async (HttpRequest request, LianxinDb db, PlaceDirectory places, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            return (await ImportHouseholds.HandleAsync(db, places, buffer, ct)).ToApi();
        }).Accepts<byte[]>(Xlsx.ContentType);
        g.MapGet("/{id:guid}", async (Guid id, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await GetMember.HandleAsync(db, units, places, pd, clock, id, ct)).ToApi());
        g.MapPost("/", async (MemberForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await SaveMember.CreateAsync(db, units, places, pd, clock, form, ct)).ToApi());
        g.MapPut("/{id:guid}", async (Guid id, MemberForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await SaveMember.UpdateAsync(db, units, places, pd, clock, id, form, ct)).ToApi());
        g.MapPost("/{id:guid}/transfers", async (Guid id, TransferForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await TransferMember.HandleAsync(db, units, places, pd, clock, id, form, ct)).ToApi());
        g.MapGet("/{id:guid}/account", async (Guid id, LianxinDb db, CancellationToken ct) => (await LinkAccount.GetAsync(db, id, ct)).ToApi());
        g.MapGet("/{id:guid}/account/candidates", async (Guid id, string? q, LianxinDb db, CancellationToken ct) => (await LinkAccount.SearchAsync(db, id, q, ct)).ToApi());
        g.MapPut("/{id:guid}/account", async (Guid id, AccountLinkForm form, LianxinDb db, CancellationToken ct) => (await LinkAccount.LinkAsync(db, id, form, ct)).ToApi());
        g.MapDelete("/{id:guid}/account", async (Guid id, int? version, LianxinDb db, CancellationToken ct) => (await LinkAccount.UnlinkAsync(db, id, version, ct)).ToApi());
        g.MapPost("/{id:guid}/status", async (Guid id, StatusForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await ChangeMemberStatus.HandleAsync(db, units, places, pd, clock, id, form, ct)).ToApi());

        // 流动党员: a unit's list with figures per branch, a member's spans, marking and ending.
        g.MapGet("/mobile", async (Guid? unitId, bool? all, LianxinDb db, OrgDirectory units, PersonalData pd, CancellationToken ct) =>
            (await ListMobileMembers.HandleAsync(db, units, pd, unitId, all ?? false, ct)).ToApi());
        g.MapGet("/{id:guid}/mobile", async (Guid id, LianxinDb db, OrgDirectory units, PersonalData pd, CancellationToken ct) =>
            (await MobileHistory.HandleAsync(db, units, pd, id, ct)).ToApi());
        g.MapPost("/{id:guid}/mobile", async (Guid id, MobileForm form, LianxinDb db, OrgDirectory units, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await MarkMobile.HandleAsync(db, units, pd, clock, id, form, ct)).ToApi());
        g.MapPost("/mobile/{spanId:guid}/end", async (Guid spanId, EndForm form, LianxinDb db, OrgDirectory units, PersonalData pd, TimeProvider clock, CancellationToken ct) =>
            (await EndMobile.HandleAsync(db, units, pd, clock, spanId, form, ct)).ToApi());

        var d = app.MapGroup("/api/v1/dual-reports").WithTags("Members").RequireAuthorization();
        d.MapGet("/", async (Guid communityId, LianxinDb db, OrgDirectory units, CancellationToken ct) => (await DualReporting.ListAsync(db, units, communityId, ct)).ToApi());
        d.MapPost("/me", async (MemberReportForm form, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await DualReporting.ReportMemberAsync(db, units, clock, form, ct)).ToApi());
        d.MapPost("/units", async (UnitReportForm form, LianxinDb db, OrgDirectory units, CoBuilding.Contracts.PartnerUnitDirectory partners, PersonalData pd, TimeProvider clock,
            CancellationToken ct) => (await DualReporting.ReportUnitAsync(db, units, partners, pd, clock, form, ct)).ToApi());
        d.MapGet("/figures", async (Guid communityId, LianxinDb db, OrgDirectory units, CancellationToken ct) => (await CommunityFigures.HandleAsync(db, units, communityId, ct)).ToApi());
        d.MapGet("/report-back", async (Guid communityId, DateOnly from, DateOnly to, LianxinDb db, OrgDirectory units, VolunteerHours hours, CancellationToken ct) =>
            (await ReportingBack.HandleAsync(db, units, hours, communityId, from, to, ct)).ToApi());
        d.MapGet("/report-back.xlsx", async Task<IResult> (Guid communityId, DateOnly from, DateOnly to, LianxinDb db, OrgDirectory units, VolunteerHours hours, CancellationToken ct) =>
        {
            var outcome = await ReportingBack.HandleAsync(db, units, hours, communityId, from, to, ct);
            return outcome.IsOk ? TypedResults.File(ReportingBack.ToXlsx(outcome.Value!), Xlsx.ContentType, $"双报告-{from:yyyyMMdd}-{to:yyyyMMdd}.xlsx") : outcome.ToApi();
        }).ProducesFile(Xlsx.ContentType);
        d.MapPost("/{id:guid}/withdraw", async (Guid id, VersionRequest body, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await DualReporting.WithdrawAsync(db, units, clock, id, body.Version, ct)).ToApi());

        var p = app.MapGroup("/api/v1/posts").WithTags("Members").RequireAuthorization();
        p.MapGet("/", async (LianxinDb db, OrgDirectory units, CancellationToken ct) => (await Posts.InScopeAsync(db, units, ct)).ToApi());
        p.MapGet("/mine", async Task<IResult> (LianxinDb db, OrgDirectory units, CancellationToken ct) =>
            await Me.FindAsync(db, ct) is { } me ? TypedResults.Ok(await Posts.OpenForMeAsync(db, units, me, ct)) : TypedResults.NotFound())
            .Produces<List<PostDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        p.MapPost("/", async (PostForm form, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) => (await Posts.CreateAsync(db, units, clock, form, ct)).ToApi());
        p.MapPost("/{id:guid}/claims", async (Guid id, ClaimForm form, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) => (await Posts.ClaimAsync(db, units, clock, id, form, ct)).ToApi());
        p.MapPost("/{id:guid}/assignments", async (Guid id, AssignForm form, LianxinDb db, TimeProvider clock, CancellationToken ct) => (await Posts.AssignAsync(db, clock, id, form, ct)).ToApi());
        p.MapPost("/claims/{id:guid}/decision", async (Guid id, DecisionForm form, LianxinDb db, TimeProvider clock, CancellationToken ct) => (await Posts.DecideAsync(db, clock, id, form, ct)).ToApi());
        p.MapPost("/claims/{id:guid}/end", async (Guid id, VersionRequest body, LianxinDb db, TimeProvider clock, CancellationToken ct) => (await Posts.EndAsync(db, clock, id, body.Version, ct)).ToApi());

        var z = app.MapGroup("/api/v1/zones").WithTags("Members").RequireAuthorization();
        z.MapGet("/", async Task<IResult> (LianxinDb db, CancellationToken ct) =>
            db.Scope.CanAnywhere(MemberPermissions.MemberView) ? TypedResults.Ok(await ListZones.HandleAsync(db, db.ResponsibilityZones, ct)) : TypedResults.Forbid())
            .Produces<List<ZoneDto>>();
        z.MapPost("/", async (ZoneForm form, LianxinDb db, OrgDirectory units, CancellationToken ct) => (await CreateZone.HandleAsync(db, units, form, ct)).ToApi());
        z.MapPut("/{id:guid}", async (Guid id, ZoneEditForm form, LianxinDb db, OrgDirectory units, TimeProvider clock, CancellationToken ct) =>
            (await EditZone.HandleAsync(db, units, clock, id, form, ct)).ToApi());
        z.MapPost("/{id:guid}/end", async (Guid id, EndForm form, LianxinDb db, TimeProvider clock, CancellationToken ct) => (await EndZone.HandleAsync(db, clock, id, form, ct)).ToApi());

        var c = app.MapGroup("/api/v1/central-households").WithTags("Members").RequireAuthorization();
        c.MapGet("/", async Task<IResult> (LianxinDb db, PlaceDirectory places, CancellationToken ct) =>
            db.Scope.CanAnywhere(MemberPermissions.MemberView) ? TypedResults.Ok(await ListCentralHouseholds.HandleAsync(db, places, db.CentralHouseholds, ct)) : TypedResults.Forbid())
            .Produces<List<CentralHouseholdDto>>();
        c.MapGet("/coverage", async (Guid communityId, LianxinDb db, OrgDirectory units, PlaceDirectory places, CancellationToken ct) => (await CentralHouseholdCoverage.HandleAsync(db, units, places, communityId, ct)).ToApi());
        c.MapPost("/", async (NominationForm form, LianxinDb db, PlaceDirectory places, TimeProvider clock, CancellationToken ct) => (await NominateCentralHousehold.HandleAsync(db, places, clock, form, ct)).ToApi());
        c.MapPost("/{id:guid}/decision", async (Guid id, DecisionForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, CancellationToken ct) => (await DecideCentralHousehold.HandleAsync(db, units, places, clock, id, form, ct)).ToApi());
        c.MapPut("/{id:guid}/households", async (Guid id, HouseholdsForm form, LianxinDb db, PlaceDirectory places, CancellationToken ct) => (await AssignCentralHouseholdHouseholds.HandleAsync(db, places, id, form, ct)).ToApi());
        c.MapPost("/{id:guid}/recommendations", async (Guid id, RecommendationForm form, LianxinDb db, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
            (await RecommendCentralHousehold.StaffAsync(db, places, clock, id, form, ct)).ToApi());
        c.MapPost("/{id:guid}/end", async (Guid id, EndCentralHouseholdForm form, LianxinDb db, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
            (await EndCentralHousehold.HandleAsync(db, places, clock, id, form, ct)).ToApi());
        c.MapPut("/duties", async (Guid communityId, CentralDutyForm form, LianxinDb db, OrgDirectory units, CancellationToken ct) =>
            (await SaveCentralDuties.HandleAsync(db, units, communityId, form, ct)).ToApi());

        // 后三级网格 of a community and the 楼栋长 of its buildings.
        g.MapGet("/communities/{communityId:guid}/grid-view", async (Guid communityId, LianxinDb db, OrgDirectory units, PlaceDirectory places, CancellationToken ct) =>
            (await GetGridView.HandleAsync(db, units, places, communityId, ct)).ToApi());
        var b = app.MapGroup("/api/v1/members/buildings").WithTags("Members").RequireAuthorization();
        b.MapGet("/{buildingId:guid}/leaders", async (Guid buildingId, LianxinDb db, PlaceDirectory places, CancellationToken ct) =>
            (await BuildingLeaderHistory.HandleAsync(db, places, buildingId, ct)).ToApi());
        b.MapPost("/{buildingId:guid}/leaders", async (Guid buildingId, BuildingLeaderForm form, LianxinDb db, OrgDirectory units, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
            (await AssignBuildingLeader.HandleAsync(db, units, places, clock, buildingId, form, ct)).ToApi());
        b.MapPost("/leaders/{id:guid}/end", async (Guid id, EndForm form, LianxinDb db, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
            (await EndBuildingLeader.HandleAsync(db, places, clock, id, form, ct)).ToApi());

        // The compound's public recommendation of central households: anonymous, rate-limited per client like the public intake.
        var pub = app.MapGroup("/api/v1/public/compounds").WithTags("Members").AllowAnonymous();
        pub.MapGet("/{compoundId:guid}/central-households", async (Guid compoundId, LianxinDb db, PlaceDirectory places, CancellationToken ct) =>
            (await PublicRecommendationPage.HandleAsync(db, places, compoundId, ct)).ToApi());
        pub.MapPost("/{compoundId:guid}/central-households/recommendations", async Task<IResult> (Guid compoundId, RecommendationForm form, HttpContext http, RecommendationLimiter limiter,
            LianxinDb db, PlaceDirectory places, TimeProvider clock, CancellationToken ct) =>
        {
            if (!limiter.TryAcquire(http, out var wait)) return TooManyRequests.Problem(http, wait, RecommendationLimiter.Message, "请求过于频繁");
            return (await RecommendCentralHousehold.PublicAsync(db, places, clock, compoundId, form, ct)).ToApi();
        }).Produces<RecommendationReceipt>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}

/// <summary>The list filters as query-string parameters.</summary>
public class MemberFilterQuery
{
    [FromQuery] public Guid? UnitId { get; set; }
    [FromQuery] public Domain.MemberCategory? Category { get; set; }
    [FromQuery] public Domain.MemberStatus? Status { get; set; }
    [FromQuery] public Domain.Employment? Employment { get; set; }
    [FromQuery] public Guid? CompoundId { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public int? Page { get; set; }
    [FromQuery] public int? PageSize { get; set; }
    /// <summary>The opaque <c>next</c> or <c>previous</c> of an earlier answer (keyset paging, ADR 0036); wins over page.</summary>
    [FromQuery] public string? Cursor { get; set; }

    public MemberFilter ToFilter() => new()
    {
        UnitId = UnitId, Category = Category, Status = Status, Employment = Employment, CompoundId = CompoundId, Q = Q,
        Page = Page ?? 1, PageSize = PageSize ?? 20, Cursor = Cursor,
    };
}
