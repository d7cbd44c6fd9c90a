using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.OrgLife.Domain;
using Lianxin.Web.Modules.OrgLife.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;

namespace Lianxin.Web.Modules.OrgLife.Api;

public record ScanRequest(string? Token);

/// <summary>/api/v1/orglife: training sessions and 月练兵 (enrolment, QR sign-in, scores, 心得, rankings, coverage), meeting photos, members' own feeds.</summary>
public static class TrainingApi
{
    public static void MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/orglife").WithTags("OrgLife").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/trainings", async (LianxinDb db, OrgDirectory org, TrainingKind? kind, int? page, CancellationToken ct) =>
                (await ListTrainings.HandleAsync(db, org, kind, page ?? 1, ct)).ToApi())
            .Produces<Paged<TrainingRow>>().WithSummary("培训（含月练兵）列表，按形式筛选、分页");
        g.MapPost("/trainings", async (LianxinDb db, OrgDirectory org, TimeProvider clock, TrainingInput request, CancellationToken ct) =>
                (await CreateTraining.HandleAsync(db, org, clock, request, ct)).ToApi(v => TypedResults.Created($"/api/v1/orglife/trainings/{v.Id}", v)))
            .Produces<TrainingSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("安排一次培训或月练兵");
        g.MapGet("/trainings/{id:guid}", async (LianxinDb db, OrgDirectory org, TrainingCodes codes, Guid id, CancellationToken ct) =>
                (await GetTraining.HandleAsync(db, org, codes, id, ct)).ToApi())
            .Produces<TrainingDetail>().WithSummary("培训详情：报名、签到、成绩、心得、本场排名和签到码链接（组织方）");
        g.MapGet("/trainings/{id:guid}/audience", async (LianxinDb db, MemberDirectory members, Guid id, CancellationToken ct) =>
                (await ListAudience.HandleAsync(db, members, id, ct)).ToApi())
            .Produces<IReadOnlyList<AudienceMember>>().WithSummary("参训单位在册党员及其报名、签到情况（组织方）");
        g.MapPost("/trainings/{id:guid}/enrol", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, EnrolRequest request, CancellationToken ct) =>
                (await EnrolMembers.HandleAsync(db, members, clock, id, request, ct)).ToApi())
            .Produces<Enrolled>().ProducesValidationProblem().WithSummary("组织方为参训单位党员报名");
        g.MapPost("/trainings/{id:guid}/sign-in", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, HandSignIn request, CancellationToken ct) =>
                (await SignInByHand.HandleAsync(db, members, clock, id, request, ct)).ToApi())
            .Produces<SignedIn>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("组织方手工签到");
        g.MapPut("/trainings/{id:guid}/scores", async (LianxinDb db, Guid id, ScoresRequest request, CancellationToken ct) =>
                (await RecordScores.HandleAsync(db, id, request, ct)).ToApi())
            .Produces<ScoresSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("登记测试成绩（0–100 分，留空为清除）");
        g.MapPost("/trainings/scan", async (LianxinDb db, MemberDirectory members, TrainingCodes codes, TimeProvider clock, ScanRequest request, CancellationToken ct) =>
                (await SignInByCode.HandleAsync(db, members, codes, clock, request.Token, ct)).ToApi())
            .Produces<SignedIn>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("党员扫培训签到码本人签到（须在参训范围内）");
        g.MapGet("/trainings/ranking", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, TrainingKind? kind, int? page, CancellationToken ct) =>
                (await GetTrainingRanking.HandleAsync(db, org, clock, unitId, from, to, kind, page ?? 1, ct)).ToApi())
            .Produces<RankingReport>().ProducesValidationProblem().WithSummary("测试成绩排名（区间内平均分，同分同名次；默认本月）");
        g.MapGet("/trainings/coverage", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, Guid? unitId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                (await GetTrainingCoverage.HandleAsync(db, org, members, clock, unitId, from, to, ct)).ToApi())
            .Produces<CoverageReport>().ProducesValidationProblem().WithSummary("培训全覆盖：各单位期末在册党员中期内参训人数及比例");

        g.MapGet("/me/trainings", async (LianxinDb db, MemberDirectory members, TimeProvider clock, CancellationToken ct) =>
                (await MyTraining.HandleAsync(db, members, clock, ct)).ToApi())
            .Produces<MyTrainings>().WithSummary("我的培训：可报名的培训与本人参训记录");
        g.MapPost("/me/trainings/{id:guid}/enrol", async (LianxinDb db, MemberDirectory members, TimeProvider clock, Guid id, CancellationToken ct) =>
                (await EnrolSelf.HandleAsync(db, members, clock, id, ct)).ToApi())
            .Produces<Enrolled>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("本人报名参加培训");
        g.MapPut("/me/trainings/{id:guid}/reflection", async (LianxinDb db, MemberDirectory members, Guid id, ReflectionInput request, CancellationToken ct) =>
                (await SaveReflection.HandleAsync(db, members, id, request, ct)).ToApi())
            .Produces<string>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("提交本人培训心得（500 字以内）");
        g.MapGet("/me/feed", async (LianxinDb db, MemberDirectory members, CancellationToken ct) => (await GetMyFeed.HandleAsync(db, members, ct)).ToApi())
            .Produces<MyFeed>().WithSummary("本人的日历订阅链接");
        g.MapPost("/me/feed", async (LianxinDb db, MemberDirectory members, TimeProvider clock, CancellationToken ct) =>
                (await ResetMemberFeed.HandleAsync(db, members, clock, ct)).ToApi())
            .Produces<MyFeed>().WithSummary("生成或重置本人的日历订阅链接（旧链接立即失效）");

        g.MapPost("/meetings/{id:guid}/photos", async Task<IResult> (HttpRequest http, LianxinDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(http, ct);
                if (!form.IsOk) return form.ToApi();
                var (photos, errors) = await PhotoUpload.ReadAsync(PhotoUpload.FilesOf(form.Value!), ct);
                if (errors.Any) return TypedResults.ValidationProblem(errors, title: "提交的内容有误");
                return (await MeetingPhotos.AddAsync(db, clock, id, photos, ct)).ToApi();
            })
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").AcceptsPhotos().Produces<PhotosSaved>().ProducesValidationProblem()
            .WithSummary("上传会议照片（每次最多 3 张，每场最多 9 张；JPG/PNG/WebP，5 MB 以内）");

        // A calendar app subscribes without signing in: the token in the URL is the key.
        app.MapGet("/orglife/feeds/member/{token}.ics", async (LianxinDb db, MemberDirectory members, TimeProvider clock, string token, CancellationToken ct) =>
                await GetMemberFeedCalendar.HandleAsync(db, members, clock, token, ct) is { IsOk: true } cal
                    ? Results.Text(cal.Value!, "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
    }
}
