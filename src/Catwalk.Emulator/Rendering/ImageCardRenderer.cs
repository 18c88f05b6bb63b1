using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Stands in for an image model: the references composed into a full-body fashion card — the person large, face
/// and outfit pieces as thumbnails — with the prompt legible on it and a clear "EMULATED" label.
/// </summary>
internal static class ImageCardRenderer
{
    /// <summary>Part of every render-cache key: bump it when the cards change, so old entries are not served.</summary>
    public const string Version = "1";

    public static byte[] Render(int width, int height, IReadOnlyList<byte[]> references, string prompt, string modelName, int index, int count, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var hue = (index * 47 + prompt.Length * 13) % 360;
        using (var background = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
                   [SKColor.FromHsl(hue, 25, 92), SKColor.FromHsl((hue + 40) % 360, 20, 78)], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, background);

        var textTop = height * 0.78f;
        var thumbs = references.Skip(1).ToList();
        var mainWidth = thumbs.Count > 0 ? width * 0.72f : width;
        if (references.Count > 0) DrawFitted(canvas, references[0], new SKRect(width * 0.04f, height * 0.04f, mainWidth - width * 0.02f, textTop - height * 0.02f));
        var slot = thumbs.Count == 0 ? 0 : (textTop - height * 0.06f) / thumbs.Count;
        for (var i = 0; i < thumbs.Count; i++)
            DrawFitted(canvas, thumbs[i], new SKRect(mainWidth, height * 0.04f + i * slot, width * 0.96f, height * 0.04f + (i + 1) * slot - height * 0.01f));

        using var panel = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(0, textTop, width, height - textTop, panel);
        using var label = new SKFont(Fonts.Bold, Math.Max(12, width / 36f));
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText($"EMULATED · {modelName} · {index + 1}/{count}", width * 0.04f, textTop + label.Size * 1.4f, SKTextAlign.Left, label, white);
        using var body = new SKFont(Fonts.Sans, Math.Max(10, width / 48f));
        var y = textTop + label.Size * 1.4f + body.Size * 1.5f;
        foreach (var line in Wrap(prompt, body, width * 0.92f))
        {
            if (y > height - body.Size * 0.5f) break;
            canvas.DrawText(line, width * 0.04f, y, SKTextAlign.Left, body, white);
            y += body.Size * 1.3f;
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static void DrawFitted(SKCanvas canvas, byte[] bytes, SKRect box)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || box.Width <= 1 || box.Height <= 1) return;
        var scale = Math.Min(box.Width / bitmap.Width, box.Height / bitmap.Height);
        var w = bitmap.Width * scale;
        var h = bitmap.Height * scale;
        var target = SKRect.Create(box.MidX - w / 2, box.MidY - h / 2, w, h);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
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
