using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>Drawing helpers shared by the painters: backdrops, shaded fills, strokes, and atomic PNG writing.</summary>
internal static class Painting
{
    public static (SKSurface Surface, SKCanvas Canvas) Begin(int width, int height, bool studio = true)
    {
        var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using var backdrop = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, height), [Palette.BackdropTop, Palette.BackdropBottom], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, width, height, backdrop);
        if (studio)
        {
            using var floor = new SKPaint { Shader = SKShader.CreateRadialGradient(new(width / 2f, height * 0.93f), width * 0.3f, [new SKColor(0, 0, 0, 60), SKColors.Transparent], SKShaderTileMode.Clamp) };
            canvas.DrawOval(width / 2f, height * 0.93f, width * 0.28f, height * 0.025f, floor);
        }
        return (surface, canvas);
    }

    /// <summary>A fill lit from the upper left: <paramref name="light"/> fading to <paramref name="shade"/>.</summary>
    public static SKPaint Fill(SKColor light, SKColor shade, SKRect bounds) => new()
    {
        IsAntialias = true,
        Shader = SKShader.CreateLinearGradient(new(bounds.Left, bounds.Top), new(bounds.Right, bounds.Bottom), [light, shade], SKShaderTileMode.Clamp),
    };

    public static SKPaint Solid(SKColor color) => new() { IsAntialias = true, Color = color };

    public static SKPaint Stroke(SKColor color, float width, bool dashed = false) => new()
    {
        IsAntialias = true, Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round,
        PathEffect = dashed ? SKPathEffect.CreateDash([width * 2.5f, width * 2f], 0) : null,
    };

    public static SKColor Darker(SKColor c, float amount = 0.8f) => new((byte)(c.Red * amount), (byte)(c.Green * amount), (byte)(c.Blue * amount));

    public static byte[] Finish(SKSurface surface)
    {
        using (surface)
        using (var image = surface.Snapshot())
        using (var data = image.Encode(SKEncodedImageFormat.Png, 100))
            return data.ToArray();
    }

    public static void Save(string path, byte[] png)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, png);
        File.Move(temp, path, overwrite: true);
    }
}
