using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Files;

/// <summary>The bytes to send for a file or its thumbnail.</summary>
public sealed record FileBody(string ContentType, byte[] Bytes);

/// <summary>The one store of uploaded files (plt_files, ADR 0015): modules attach checked uploads and list their own; reading goes through here.</summary>
public static class FileStore
{
    public static string Url(Guid id) => $"/api/v1/files/{id}";
    public static string ThumbnailUrl(Guid id) => $"/api/v1/files/{id}/thumbnail";

    /// <summary>Stages the uploads as files of <paramref name="to"/>; the caller saves with its own changes (one transaction).</summary>
    public static List<StoredFile> Add(LianxinDb db, Attachment to, IEnumerable<Upload> uploads, DateTime now)
    {
        var files = uploads.Select(u => new StoredFile
        {
            TenantId = to.TenantId, OwnerModule = to.Module, OwnerKind = to.Kind, OwnerId = to.OwnerId, OwnerPart = to.Part, OrgPath = to.OrgPath,
            FileName = u.Name, ContentType = u.Type, Size = u.Data.Length, Data = u.Data, Thumbnail = u.Thumbnail, CreatedAt = now, CreatedBy = db.Scope.UserId,
        }).ToList();
        db.Files.AddRange(files);
        return files;
    }

    /// <summary>Files of one kind of owner (scope-filtered), for the module's own lists and counts.</summary>
    public static IQueryable<StoredFile> Of(LianxinDb db, string module, string kind) =>
        db.Files.Where(f => f.OwnerModule == module && f.OwnerKind == kind);

    /// <summary>
    /// A file for a signed-in caller: not found outside the caller's scope (or when the owner's module says so), forbidden
    /// without the permission the owner's module asks for; otherwise the file, or its thumbnail.
    /// </summary>
    public static async Task<Outcome<FileBody>> ReadAsync(LianxinDb db, IEnumerable<FileOwner> owners, Guid id, bool thumbnail, CancellationToken ct)
    {
        var f = await db.Files.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.OwnerModule, x.OwnerKind, x.OwnerId, x.OrgPath }).FirstOrDefaultAsync(ct);
        if (f is null) return Failure.NotFound;
        var owner = owners.FirstOrDefault(o => o.Module == f.OwnerModule && o.Kind == f.OwnerKind);
        if (owner is null) return Failure.NotFound;
        if (owner.SeeWith.Length > 0 && !owner.SeeWith.Any(p => db.Scope.Can(p, f.OrgPath))) return Failure.Forbidden;
        if (owner.Sees is { } sees && !await sees(db, f.OwnerId, ct)) return Failure.NotFound;
        return await BodyAsync(db.Files.AsNoTracking().Where(x => x.Id == id), thumbnail, ct);
    }

    /// <summary>
    /// A file for an anonymous public page that vouches for a subtree (the pledges board): deliberately unfiltered, but only
    /// this tenant's files of that owner kind whose unit lies under <paramref name="underPath"/>.
    /// </summary>
    public static async Task<Outcome<FileBody>> ReadPublicAsync(LianxinDb db, string module, string kind, string underPath, Guid id, bool thumbnail, CancellationToken ct)
    {
        var q = db.Files.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Id == id && x.TenantId == db.CurrentTenantId && x.OwnerModule == module && x.OwnerKind == kind && x.OrgPath.StartsWith(underPath));
        return await q.AnyAsync(ct) ? await BodyAsync(q, thumbnail, ct) : Failure.NotFound with { Message = "未找到该照片。" };
    }

    static async Task<FileBody> BodyAsync(IQueryable<StoredFile> q, bool thumbnail, CancellationToken ct)
    {
        if (!thumbnail) return await q.Select(x => new FileBody(x.ContentType, x.Data)).FirstAsync(ct);
        // Files moved from the old photo tables have no thumbnail: the original stands in.
        var t = await q.Select(x => new { x.ContentType, Bytes = x.Thumbnail ?? x.Data, Made = x.Thumbnail != null }).FirstAsync(ct);
        return new FileBody(t.Made ? "image/jpeg" : t.ContentType, t.Bytes);
    }

    /// <summary>The file as a response: never sniffed into HTML by the browser, cached only by the caller's own browser.</summary>
    public static IResult ToFile(this Outcome<FileBody> o, HttpResponse response)
    {
        if (!o.IsOk) return o.ToApi();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(o.Value!.Bytes, o.Value.ContentType);
    }
}
