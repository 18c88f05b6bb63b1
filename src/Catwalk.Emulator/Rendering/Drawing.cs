using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>Drawing steps the image renderers share: a picture fitted into a box, the label panel, wrapped text.</summary>
internal static class Drawing
{
    /// <summary>Draws the picture as large as fits in <paramref name="box"/>, centred; returns where it went (empty when it cannot be decoded).</summary>
    public static SKRect DrawFitted(SKCanvas canvas, byte[] bytes, SKRect box, byte alpha = 255)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || box.Width <= 1 || box.Height <= 1) return SKRect.Empty;
        var scale = Math.Min(box.Width / bitmap.Width, box.Height / bitmap.Height);
        var w = bitmap.Width * scale;
        var h = bitmap.Height * scale;
        var target = SKRect.Create(box.MidX - w / 2, box.MidY - h / 2, w, h);
        using var image = SKImage.FromBitmap(bitmap);
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha(alpha) };
        canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        return target;
    }

    /// <summary>The tinted panel at the foot of a card: a bold label, then the wrapped text under it.</summary>
    public static void LabelPanel(SKCanvas canvas, int width, int height, float top, int hue, string label, string text)
    {
        using var panel = new SKPaint { Color = SKColor.FromHsl(hue, 55, 18).WithAlpha(200) };
        canvas.DrawRect(0, top, width, height - top, panel);
        using var bold = new SKFont(Fonts.Bold, Math.Max(12, width / 36f));
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText(label, width * 0.04f, top + bold.Size * 1.4f, SKTextAlign.Left, bold, white);
        using var body = new SKFont(Fonts.Sans, Math.Max(10, width / 48f));
        var y = top + bold.Size * 1.4f + body.Size * 1.5f;
        foreach (var line in Wrap(text, body, width * 0.92f))
        {
            if (y > height - body.Size * 0.5f) break;
            canvas.DrawText(line, width * 0.04f, y, SKTextAlign.Left, body, white);
            y += body.Size * 1.3f;
        }
    }

    public static byte[] Encode(SKSurface surface, SKEncodedImageFormat format)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) > maxWidth && line.Length > 0)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }
}
