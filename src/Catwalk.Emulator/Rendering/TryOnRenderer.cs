using Catwalk.Catalog;
using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Stands in for a virtual try-on model: the person picture itself, with the garment picture laid over the body region
/// its kind covers (a top over the torso, a bottom over hips and legs, a one-piece over both), and a label. The regions
/// are fixed fractions of the person picture, not a detected pose: enough to see which garment went on, and where.
/// The garment picture is also shown as a small card, placed by the model's layout, so two try-on models differ.
/// </summary>
internal static class TryOnRenderer
{
    public const string Version = "2";

    public static byte[] Render(int width, int height, byte[] person, byte[] garment, GarmentCategory category, string modelName, CardStyle style, int index, int count, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.FromHsl(style.Hue, 10, 94));
        var labelTop = height * 0.9f;
        var main = style.Layout == CardLayout.Sidebar ? new SKRect(0, 0, width * 0.74f, labelTop) : new SKRect(0, 0, width, labelTop);
        var body = Drawing.DrawFitted(canvas, person, main);
        if (body.IsEmpty) body = main;
        var region = Region(body, category);
        using (var outline = new SKPaint { Color = SKColor.FromHsl(style.Hue, 70, 45), Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, width / 200f), IsAntialias = true })
        {
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(region, width / 60f), antialias: true);
            Drawing.DrawFitted(canvas, garment, region, alpha: 235);
            canvas.Restore();
            canvas.DrawRoundRect(new SKRoundRect(region, width / 60f), outline);
        }
        var card = Card(style.Layout, width, height, labelTop);
        using (var white = new SKPaint { Color = SKColors.White })
        using (var frame = new SKPaint { Color = SKColor.FromHsl(style.Hue, 70, 45), Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(2, width / 150f) })
        {
            canvas.DrawRect(card, white);
            Drawing.DrawFitted(canvas, garment, SKRect.Inflate(card, -card.Width * 0.06f, -card.Height * 0.06f));
            canvas.DrawRect(card, frame);
        }
        Drawing.LabelPanel(canvas, width, height, labelTop, style.Hue, $"EMULATED · {modelName} · try-on {category.Name()} · {index + 1}/{count}", "");
        return Drawing.Encode(surface, format);
    }

    /// <summary>Where the garment's own card goes: beside the person (sidebar) or in a corner the layout picks.</summary>
    private static SKRect Card(CardLayout layout, int width, int height, float labelTop) => layout switch
    {
        CardLayout.Sidebar => new SKRect(width * 0.76f, height * 0.05f, width * 0.98f, height * 0.30f),
        CardLayout.BottomStrip => new SKRect(width * 0.02f, labelTop - height * 0.2f, width * 0.24f, labelTop - height * 0.02f),
        CardLayout.Grid => new SKRect(width * 0.02f, height * 0.02f, width * 0.24f, height * 0.22f),
        _ => new SKRect(width * 0.76f, height * 0.02f, width * 0.98f, height * 0.22f),
    };

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
