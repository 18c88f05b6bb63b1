using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>outfit-shoes.png: a pair of white sneakers in side view with a red accent, laces and a gum sole.</summary>
internal static class SneakersPainter
{
    public static byte[] Paint()
    {
        var (surface, canvas) = Painting.Begin(512, 384, studio: false);
        DrawShoe(canvas, 40, 120, 0.95f);
        DrawShoe(canvas, 70, 215, 0.95f);
        return Painting.Finish(surface);
    }

    private static void DrawShoe(SKCanvas canvas, float x, float y, float s)
    {
        using var upper = new SKPath();
        upper.MoveTo(x, y + 90 * s);
        upper.CubicTo(x, y + 40 * s, x + 40 * s, y + 10 * s, x + 120 * s, y + 20 * s);
        upper.CubicTo(x + 200 * s, y + 30 * s, x + 260 * s, y + 50 * s, x + 380 * s, y + 70 * s);
        upper.CubicTo(x + 420 * s, y + 78 * s, x + 420 * s, y + 100 * s, x + 400 * s, y + 110 * s);
        upper.LineTo(x, y + 110 * s);
        upper.Close();
        using (var white = Painting.Fill(new SKColor(0xFB, 0xFB, 0xF9), new SKColor(0xD4, 0xD4, 0xD0), upper.Bounds)) canvas.DrawPath(upper, white);
        using var outline = Painting.Stroke(new SKColor(0x9A, 0x9A, 0x96), 2);
        canvas.DrawPath(upper, outline);
        using (var swoosh = new SKPath())
        {
            swoosh.MoveTo(x + 90 * s, y + 85 * s);
            swoosh.CubicTo(x + 180 * s, y + 95 * s, x + 280 * s, y + 60 * s, x + 330 * s, y + 50 * s);
            swoosh.CubicTo(x + 270 * s, y + 80 * s, x + 170 * s, y + 105 * s, x + 90 * s, y + 85 * s);
            using var red = Painting.Solid(Palette.Accent);
            canvas.DrawPath(swoosh, red);
        }
        using (var sole = Painting.Solid(new SKColor(0xC8, 0x96, 0x5A))) canvas.DrawRoundRect(SKRect.Create(x - 4, y + 106 * s, 412 * s, 18 * s), 8, 8, sole);
        using var lace = Painting.Stroke(new SKColor(0x60, 0x60, 0x5C), 3);
        for (var i = 0; i < 5; i++) canvas.DrawLine(x + (130 + i * 26) * s, y + (24 + i * 5) * s, x + (150 + i * 26) * s, y + (40 + i * 5) * s, lace);
    }
}
