using Lianxin.Web.Platform.OpenApi;
using Lianxin.Web.Platform.Data;

namespace Lianxin.Web.Platform.Files;

/// <summary>/api/v1/files/{id} and /api/v1/files/{id}/thumbnail: every module's files, served once, here.</summary>
public static class FilesApi
{
    public static void MapFilesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/files").WithTags("Files").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/{id:guid}", async (LianxinDb db, IEnumerable<FileOwner> owners, HttpResponse res, Guid id, CancellationToken ct) =>
                (await FileStore.ReadAsync(db, owners, id, thumbnail: false, ct)).ToFile(res))
            .ProducesFile("image/*").WithSummary("文件（照片）原件：只对能看到其所属记录的人");
        g.MapGet("/{id:guid}/thumbnail", async (LianxinDb db, IEnumerable<FileOwner> owners, HttpResponse res, Guid id, CancellationToken ct) =>
                (await FileStore.ReadAsync(db, owners, id, thumbnail: true, ct)).ToFile(res))
            .ProducesFile("image/jpeg").WithSummary($"文件缩略图（JPEG，长边不超过 {Thumbnails.MaxSide} 像素）");
    }
}
