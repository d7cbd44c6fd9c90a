using SkiaSharp;

namespace Lianxin.Web.Platform.Files;

/// <summary>Small JPEG previews made once on upload, so lists of photos do not pull megabytes per image.</summary>
public static class Thumbnails
{
    public const int MaxSide = 320;

    /// <summary>A JPEG at most <see cref="MaxSide"/> px on its long side, turned upright as the camera meant it; null when the bytes do not decode as an image.</summary>
    public static byte[]? Make(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        if (codec is null) return null;
        // Decoded by hand: a cut-off file decodes "incompletely" (grey below the cut), which is a broken upload, not a photo.
        var info = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul);
        if (info.Width <= 0 || info.Height <= 0) return null;
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return null;
        // Phones store portrait photos sideways plus an EXIF orientation; the browser shows the original upright, so must the preview.
        var origin = codec.EncodedOrigin;
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = sideways ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(w, h));
        var (tw, th) = (Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));

        using var surface = SKSurface.Create(new SKImageInfo(tw, th, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no transparency
        canvas.Scale(scale);
        Orient(canvas, origin, decoded.Width, decoded.Height);
        using var picture = SKImage.FromBitmap(decoded);
        canvas.DrawImage(picture, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 80);
        return jpeg.ToArray();
    }

    /// <summary>Maps the stored pixels (<paramref name="w"/>×<paramref name="h"/>) onto the upright picture.</summary>
    static void Orient(SKCanvas c, SKEncodedOrigin origin, int w, int h)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: c.Translate(w, 0); c.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: c.Translate(w, h); c.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: c.Translate(0, h); c.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: c.RotateDegrees(90); c.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: c.Translate(h, 0); c.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: c.Translate(h, w); c.Scale(1, -1); c.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: c.Translate(0, w); c.RotateDegrees(-90); break;
        }
    }
}
