namespace Lianxin.Web.Platform.Files;

/// <summary>A checked upload with its thumbnail, ready for <see cref="FileStore.Add"/>.</summary>
public sealed record Upload(string Name, string Type, byte[] Data, byte[] Thumbnail);

/// <summary>
/// Photo checks every module uses: a multipart form, at most three files, each at most 5 MB and a real JPEG, PNG or WebP
/// judged by its first bytes (not by its name) that decodes; the thumbnail is made here, once.
/// </summary>
public static class PhotoUpload
{
    public const int MaxCount = 3;
    public const int MaxBytes = 5 * 1024 * 1024;

    public static string? SniffType(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>The form of an API upload; a body that is not multipart (or breaks off) is bad input under "Photos", never a 500.</summary>
    public static async Task<Outcome<IFormCollection>> FormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Failure.Invalid("Photos", "请以 multipart/form-data 上传，照片放在字段 photos 中。");
        try
        {
            return new Outcome<IFormCollection>(OutcomeKind.Ok, await request.ReadFormAsync(ct));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Failure.Invalid("Photos", "没有收到完整的表单，请选择要上传的照片（字段名 photos）后重试。");
        }
    }

    /// <summary>The files of field "photos", or of any field when none is so named.</summary>
    public static IReadOnlyList<IFormFile> FilesOf(IFormCollection form) => form.Files.GetFiles("photos") is { Count: > 0 } named ? named : form.Files;

    /// <summary>Reads and checks the uploads; errors are keyed <paramref name="field"/> with a clear Chinese message.</summary>
    public static async Task<(List<Upload> Photos, Errors Errors)> ReadAsync(IReadOnlyList<IFormFile>? files, CancellationToken ct, string field = "Photos", int maxCount = MaxCount)
    {
        var e = new Errors();
        var list = new List<Upload>();
        var real = (files ?? []).Where(f => f.Length > 0).ToList();
        if (real.Count > maxCount) { e.Fail(field, $"最多上传 {maxCount} 张照片。"); return (list, e); }
        foreach (var f in real)
        {
            if (f.Length > MaxBytes) { e.Fail(field, $"照片“{f.FileName}”超过 5 MB，请压缩后再上传。"); continue; }
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            var data = ms.ToArray();
            if (SniffType(data) is not { } type) { e.Fail(field, $"“{f.FileName}”不是图片，只能上传 JPG、PNG 或 WebP 格式的照片。"); continue; }
            if (Thumbnails.Make(data) is not { } thumbnail) { e.Fail(field, $"照片“{f.FileName}”已损坏，无法打开，请换一张再上传。"); continue; }
            list.Add(new Upload(Path.GetFileName(f.FileName).Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "photo", type, data, thumbnail));
        }
        return (list, e);
    }
}
