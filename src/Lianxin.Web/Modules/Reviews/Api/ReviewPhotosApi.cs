using Lianxin.Web.Modules.Reviews.Data;
using Lianxin.Web.Modules.Reviews.Features;
using Lianxin.Web.Platform;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Modules.Reviews.Api;

/// <summary>/api/v1/reviews photos: upload (multipart, field "photos"), list, serve (scope-checked) and remove.</summary>
public static class ReviewPhotosApi
{
    public static void MapReviewPhotosApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        g.MapPost("/sheets/{id:guid}/items/{code}/photos", async (LianxinDb db, TimeProvider clock, HttpRequest req, Guid id, string code, CancellationToken ct) =>
                await FilesAsync(req, ct) is not { } files ? NotMultipart() : (await ReviewPhotos.AddToItemAsync(db, clock, id, code, files, ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/sheets/{id}", v)))
            .Accepts<IFormFile>("multipart/form-data").Produces<List<PhotoRef>>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("为评分项上传现场照片（multipart，字段 photos；每项最多 3 张，每张不超过 5 MB，JPG/PNG/WebP）");
        g.MapPost("/findings/{id:guid}/photos", async (LianxinDb db, TimeProvider clock, HttpRequest req, Guid id, CancellationToken ct) =>
                await FilesAsync(req, ct) is not { } files ? NotMultipart() : (await ReviewPhotos.AddToFindingAsync(db, clock, id, files, ct)).ToApi(v => TypedResults.Created($"/api/v1/reviews/findings/{id}/photos", v)))
            .Accepts<IFormFile>("multipart/form-data").Produces<List<PhotoRef>>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("为发现的问题上传照片（multipart，字段 photos；每个问题最多 3 张）");
        g.MapGet("/findings/{id:guid}/photos", async (LianxinDb db, Guid id, CancellationToken ct) =>
                await db.Findings.FindAsync([id], ct) is null ? Problem404() : TypedResults.Ok(await ReviewPhotos.OfFindingsAsync(db, [id], ct)))
            .Produces<List<PhotoRef>>().WithSummary("问题的照片");
        g.MapGet("/photos/{id:guid}", async (LianxinDb db, HttpResponse res, Guid id, CancellationToken ct) =>
            {
                var photo = await ReviewPhotos.GetAsync(db, id, ct);
                if (!photo.IsOk) return Problem404();
                res.Headers.XContentTypeOptions = "nosniff";
                res.Headers.CacheControl = "private, max-age=3600";
                return TypedResults.File(photo.Value!.Data, photo.Value.ContentType);
            })
            .WithSummary("照片文件（只对能看到该评分表或问题的人）");
        g.MapDelete("/photos/{id:guid}", async (LianxinDb db, Guid id, CancellationToken ct) =>
                (await ReviewPhotos.DeleteAsync(db, id, ct)).ToApi(_ => TypedResults.NoContent()))
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("删除照片（评分表提交前由评委本人删除）");
    }

    /// <summary>The uploaded files of a multipart request (field "photos", or any file field), or null when the body is not a form.</summary>
    static async Task<IReadOnlyList<IFormFile>?> FilesAsync(HttpRequest req, CancellationToken ct)
    {
        if (!req.HasFormContentType) return null;
        var form = await req.ReadFormAsync(ct);
        var named = form.Files.GetFiles("photos");
        return named.Count > 0 ? named : form.Files;
    }

    static IResult NotMultipart() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Photos"] = ["请以 multipart/form-data 上传照片（字段 photos）。"] }, title: "提交的内容有误");

    static IResult Problem404() => TypedResults.Problem(Failure.NotFound.Message, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    static IResult ToApi<T>(this Outcome<T> o, Func<T, IResult> ok) => o.Kind switch
    {
        OutcomeKind.Ok => ok(o.Value!),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(o.Errors!, title: "提交的内容有误"),
        OutcomeKind.NotFound => Problem404(),
        OutcomeKind.Forbidden => TypedResults.Forbid(),
        _ => TypedResults.Problem(o.Message, statusCode: StatusCodes.Status409Conflict, title: "操作未能完成"),
    };
}
