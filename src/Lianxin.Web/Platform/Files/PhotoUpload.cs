namespace Lianxin.Web.Platform.Files;

/// <summary>Photo checks every module uses: at most three, each at most 5 MB, and a real JPEG, PNG or WebP judged by its first bytes (not by its name).</summary>
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

    /// <summary>Reads and checks the uploads; errors are keyed <paramref name="field"/> with a clear Chinese message.</summary>
    public static async Task<(List<(string Type, byte[] Data)> Photos, Errors Errors)> ReadAsync(IReadOnlyList<IFormFile>? files, CancellationToken ct, string field = "Photos", int maxCount = MaxCount)
    {
        var e = new Errors();
        var list = new List<(string, byte[])>();
        var real = (files ?? []).Where(f => f.Length > 0).ToList();
        if (real.Count > maxCount) { e.Fail(field, $"最多上传 {maxCount} 张照片。"); return (list, e); }
        foreach (var f in real)
        {
            if (f.Length > MaxBytes) { e.Fail(field, $"照片“{f.FileName}”超过 5 MB，请压缩后再上传。"); continue; }
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            var data = ms.ToArray();
            if (SniffType(data) is not { } type) { e.Fail(field, $"“{f.FileName}”不是图片，只能上传 JPG、PNG 或 WebP 格式的照片。"); continue; }
            list.Add((type, data));
        }
        return (list, e);
    }
}
