using Catwalk.Catalog;
using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Stands in for a virtual try-on model: the person picture itself, with the garment picture laid over the body region
/// its kind covers (a top over the torso, a bottom over hips and legs, a one-piece over both), and a label. The regions
/// are fixed fractions of the person picture, not a detected pose: enough to see which garment went on, and where.
/// </summary>
internal static class TryOnRenderer
{
    public const string Version = "1";

    public static byte[] Render(int width, int height, byte[] person, byte[] garment, GarmentCategory category, string modelName, CardStyle style, int index, int count, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.FromHsl(style.Hue, 10, 94));
        var labelTop = height * 0.9f;
        var body = Drawing.DrawFitted(canvas, person, new SKRect(0, 0, width, labelTop));
        if (body.IsEmpty) body = new SKRect(0, 0, width, labelTop);
        var region = Region(body, category);
        using (var outline = new SKPaint { Color = SKColor.FromHsl(style.Hue, 70, 45), Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, width / 200f), IsAntialias = true })
        {
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(region, width / 60f), antialias: true);
            Drawing.DrawFitted(canvas, garment, region, alpha: 235);
            canvas.Restore();
            canvas.DrawRoundRect(new SKRoundRect(region, width / 60f), outline);
        }
        Drawing.LabelPanel(canvas, width, height, labelTop, style.Hue, $"EMULATED · {modelName} · try-on {category.Name()} · {index + 1}/{count}", "");
        return Drawing.Encode(surface, format);
    }

    /// <summary>The part of the person's picture a garment of <paramref name="category"/> covers.</summary>
    public static SKRect Region(SKRect body, GarmentCategory category)
    {
        var (top, bottom, inset) = category switch
        {
            GarmentCategory.Bottom => (0.48f, 0.88f, 0.30f),
            GarmentCategory.OnePiece => (0.20f, 0.86f, 0.26f),
            GarmentCategory.Shoes => (0.88f, 0.99f, 0.30f),
            GarmentCategory.Accessory => (0.05f, 0.20f, 0.35f),
            _ => (0.20f, 0.52f, 0.24f), // top, outerwear: the torso
        };
        return new SKRect(body.Left + body.Width * inset, body.Top + body.Height * top, body.Right - body.Width * inset, body.Top + body.Height * bottom);
    }
}
