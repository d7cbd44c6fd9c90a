using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.CoBuilding.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Pledges.Contracts;
using Lianxin.Web.Modules.Reviews.Contracts;
using Lianxin.Web.Modules.Showcase.Domain;
using Lianxin.Web.Modules.Showcase.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;

namespace Lianxin.Web.Modules.Showcase.Api;

/// <summary>/api/v1/showcase: brands, model sites, honours, news and its review; /api/v1/public/news/{streetId}: a street's published news.</summary>
public static class ShowcaseApi
{
    public static void MapShowcaseApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/showcase").WithTags("Showcase").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapGet("/brands", async (LianxinDb db, OrgDirectory org, CancellationToken ct) => (await ListBrands.HandleAsync(db, org, ct)).ToApi())
            .Produces<List<BrandRow>>().WithSummary("党建品牌列表");
        g.MapPost("/brands", async (LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock, BrandInput r, CancellationToken ct) =>
                (await SaveBrand.HandleAsync(db, org, pledges, projects, clock, null, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/showcase/brands/{v.Id}", v)))
            .Produces<BrandSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记党建品牌（所属单位、故事、关联实事与共建项目）");
        g.MapGet("/brands/{id:guid}", async (LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects, Guid id, CancellationToken ct) =>
                (await GetBrand.HandleAsync(db, org, pledges, projects, id, ct)).ToApi())
            .Produces<BrandDetail>().WithSummary("党建品牌详情");
        g.MapPut("/brands/{id:guid}", async (LianxinDb db, OrgDirectory org, PledgeDirectory pledges, ProjectDirectory projects, TimeProvider clock, Guid id, BrandInput r, CancellationToken ct) =>
                (await SaveBrand.HandleAsync(db, org, pledges, projects, clock, id, r, ct)).ToApi())
            .Produces<BrandSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改党建品牌（带 version）");
        g.MapPost("/brands/{id:guid}/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest http, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(http, ct);
                if (!form.IsOk) return form.ToApi();
                return (await BrandPhotos.AddAsync(db, clock, id, PhotoUpload.FilesOf(form.Value!), ct)).ToApi();
            })
            .DisableAntiforgery().AcceptsPhotos().Produces<int>().ProducesValidationProblem().WithSummary("上传品牌照片（multipart：photos，每次最多 3 张，每个品牌最多 9 张）");

        g.MapGet("/sites", async (LianxinDb db, OrgDirectory org, ReviewScoreDirectory reviews, TimeProvider clock, CancellationToken ct) =>
                (await ListModelSites.HandleAsync(db, org, reviews, clock, ct)).ToApi())
            .Produces<List<ModelSiteRow>>().WithSummary("示范点列表（含十大标准最近得分，逾期未复核在前）");
        g.MapPost("/sites", async (LianxinDb db, OrgDirectory org, ModelSiteInput r, CancellationToken ct) =>
                (await SaveModelSite.HandleAsync(db, org, null, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/showcase/sites/{v.Id}", v)))
            .Produces<ModelSiteSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("命名示范点");
        g.MapPut("/sites/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, ModelSiteInput r, CancellationToken ct) =>
                (await SaveModelSite.HandleAsync(db, org, id, r, ct)).ToApi())
            .Produces<ModelSiteSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改示范点（带 version）");

        g.MapGet("/honours", async (LianxinDb db, HonourLevel? level, RecipientKind? kind, string? q, CancellationToken ct) =>
                (await ListHonours.HandleAsync(db, level, kind, q, ct)).ToApi())
            .Produces<HonourList>().WithSummary("荣誉列表（按级别、获奖对象类别筛选，按称号、获奖者、授予单位搜索）");
        g.MapPost("/honours", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, HonourInput r, CancellationToken ct) =>
                (await SaveHonour.HandleAsync(db, org, members, clock, null, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/showcase/honours/{v.Id}", v)))
            .Produces<HonourSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("登记荣誉（党组织、党员或居民）");
        g.MapGet("/honours/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) => (await GetHonour.HandleAsync(db, id, ct)).ToApi())
            .Produces<HonourRow>().WithSummary("荣誉详情");
        g.MapPut("/honours/{id:guid}", async (LianxinDb db, OrgDirectory org, MemberDirectory members, TimeProvider clock, Guid id, HonourInput r, CancellationToken ct) =>
                (await SaveHonour.HandleAsync(db, org, members, clock, id, r, ct)).ToApi())
            .Produces<HonourSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改荣誉（带 version）");
        g.MapDelete("/honours/{id:guid}", async (LianxinDb db, Guid id, int version, CancellationToken ct) =>
                (await DeleteHonour.HandleAsync(db, id, version, ct)).ToApi(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("删除荣誉（?version=）");

        g.MapGet("/news", async (LianxinDb db, OrgDirectory org, NewsState? state, CancellationToken ct) => (await ListNews.HandleAsync(db, org, state, ct)).ToApi())
            .Produces<List<NewsRow>>().WithSummary("宣传稿件列表（state=Submitted：待审核）");
        g.MapPost("/news", async (LianxinDb db, OrgDirectory org, TimeProvider clock, NewsInput r, CancellationToken ct) =>
                (await SaveNews.HandleAsync(db, org, clock, null, r, ct)).ToApi(v => TypedResults.Created($"/api/v1/showcase/news/{v.Id}", v)))
            .Produces<NewsSaved>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary("撰写稿件（草稿）");
        g.MapGet("/news/figures", async (LianxinDb db, OrgDirectory org, int year, CancellationToken ct) => (await NewsFigures.HandleAsync(db, org, year, ct)).ToApi())
            .Produces<NewsFigureTable>().ProducesValidationProblem().WithSummary("各社区每月发布稿件数");
        g.MapGet("/news/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid id, CancellationToken ct) => (await GetNews.HandleAsync(db, org, id, ct)).ToApi())
            .Produces<NewsDetail>().WithSummary("稿件详情");
        g.MapPut("/news/{id:guid}", async (LianxinDb db, OrgDirectory org, TimeProvider clock, Guid id, NewsInput r, CancellationToken ct) =>
                (await SaveNews.HandleAsync(db, org, clock, id, r, ct)).ToApi())
            .Produces<NewsSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("修改草稿或被退回的稿件（带 version）");
        g.MapPost("/news/{id:guid}/submit", async (LianxinDb db, TimeProvider clock, Guid id, VersionInput r, CancellationToken ct) =>
                (await SubmitNews.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<NewsSaved>().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("提交街道审核");
        g.MapPost("/news/{id:guid}/review", async (LianxinDb db, TimeProvider clock, Guid id, ReviewNewsInput r, CancellationToken ct) =>
                (await ReviewNews.HandleAsync(db, clock, id, r, ct)).ToApi())
            .Produces<NewsSaved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("街道审核：approve=true 按所选渠道发布，false 附原因退回（带 version）");

        var pub = app.MapGroup("/api/v1/public/news").WithTags("Showcase (public)").AllowAnonymous();
        pub.MapGet("/{streetId:guid}", async (LianxinDb db, OrgDirectory org, Guid streetId, CancellationToken ct) => (await PublicNews.ListAsync(db, org, streetId, ct)).ToApi())
            .Produces<PublicNewsPage>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("街道已发布的宣传稿件（匿名）");
        pub.MapGet("/{streetId:guid}/{id:guid}", async (LianxinDb db, OrgDirectory org, Guid streetId, Guid id, CancellationToken ct) =>
                (await PublicNews.ItemAsync(db, org, streetId, id, ct)).ToApi())
            .Produces<PublicNewsItem>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("一篇已发布的稿件（匿名）");
    }
}
