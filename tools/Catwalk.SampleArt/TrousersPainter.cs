using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>outfit-trousers.png: cream chinos laid flat — waistband, belt loops, front creases, slant pockets.</summary>
internal static class TrousersPainter
{
    public static byte[] Paint()
    {
        var (surface, canvas) = Painting.Begin(512, 640, studio: false);
        using var legs = new SKPath();
        legs.MoveTo(150, 70);
        legs.LineTo(362, 70);
        legs.LineTo(392, 590);
        legs.LineTo(282, 590);
        legs.LineTo(256, 250);
        legs.LineTo(230, 590);
        legs.LineTo(120, 590);
        legs.Close();
        using (var fill = Painting.Fill(Palette.Cream, Palette.CreamShade, legs.Bounds)) canvas.DrawPath(legs, fill);
        using var seam = Painting.Stroke(Painting.Darker(Palette.Cream, 0.72f), 2.5f);
        canvas.DrawPath(legs, seam);
        using (var band = Painting.Solid(Painting.Darker(Palette.Cream, 0.9f))) canvas.DrawRect(150, 70, 212, 34, band);
        canvas.DrawRect(150, 70, 212, 34, seam);
        using var loop = Painting.Solid(Painting.Darker(Palette.Cream, 0.78f));
        foreach (var x in new[] { 172, 230, 282, 338 }) canvas.DrawRect(x - 5, 64, 10, 46, loop);
        using var button = Painting.Solid(new SKColor(0x8A, 0x6A, 0x4A));
        canvas.DrawCircle(256, 87, 7, button);
        canvas.DrawLine(256, 104, 256, 230, seam);
        using var crease = Painting.Stroke(Painting.Darker(Palette.Cream, 0.82f), 1.5f, dashed: true);
        canvas.DrawLine(185, 120, 175, 585, crease);
        canvas.DrawLine(327, 120, 337, 585, crease);
        canvas.DrawLine(160, 110, 205, 190, seam);
        canvas.DrawLine(352, 110, 307, 190, seam);
        return Painting.Finish(surface);
    }
}
