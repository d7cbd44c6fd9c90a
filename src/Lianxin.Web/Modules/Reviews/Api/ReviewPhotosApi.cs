using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Files;

namespace Lianxin.Web.Modules.Reviews.Api;

/// <summary>/api/v1/reviews photos: upload (multipart, field "photos"), list and remove; the files themselves are served by /api/v1/files.</summary>
public static class ReviewPhotosApi
{
    public static void MapReviewPhotosApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/sheets/{id:guid}/items/{code}/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest req, Guid id, string code, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(req, ct);
                if (!form.IsOk) return form.ToApi();
                return (await ReviewPhotos.AddToItemAsync(db, clock, id, code, PhotoUpload.FilesOf(form.Value!), ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/sheets/{id}", v));
            })
            .Accepts<IFormFile>("multipart/form-data").AcceptsPhotos().Produces<List<PhotoRef>>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("为评分项上传现场照片（multipart，字段 photos；每项最多 3 张，每张不超过 5 MB，JPG/PNG/WebP）");
        g.MapPost("/findings/{id:guid}/photos", async Task<IResult> (LianxinDb db, TimeProvider clock, HttpRequest req, Guid id, CancellationToken ct) =>
            {
                var form = await PhotoUpload.FormAsync(req, ct);
                if (!form.IsOk) return form.ToApi();
                return (await ReviewPhotos.AddToFindingAsync(db, clock, id, PhotoUpload.FilesOf(form.Value!), ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/findings/{id}/photos", v));
            })
            .Accepts<IFormFile>("multipart/form-data").AcceptsPhotos().Produces<List<PhotoRef>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("为发现的问题上传照片（multipart，字段 photos；每个问题最多 3 张）");
        g.MapGet("/findings/{id:guid}/photos", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await ReviewPhotos.OfFindingAsync(db, id, ct)).ToApi())
            .Produces<List<PhotoRef>>().WithSummary("问题的照片（文件由 /api/v1/files 提供）");
        g.MapDelete("/photos/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await ReviewPhotos.DeleteAsync(db, id, ct)).ToApi(_ => TypedResults.NoContent()))
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("删除照片（评分表提交前由评委本人删除）");
    }
}
