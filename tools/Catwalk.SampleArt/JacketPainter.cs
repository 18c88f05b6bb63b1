using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>outfit-top.png: a denim jacket laid flat — collar, buttons, chest pockets, contrast stitching.</summary>
internal static class JacketPainter
{
    public static byte[] Paint()
    {
        var (surface, canvas) = Painting.Begin(512, 512, studio: false);
        using var body = new SKPath();
        body.MoveTo(190, 90);
        body.LineTo(322, 90);
        body.LineTo(420, 130);
        body.LineTo(478, 400);
        body.LineTo(430, 412);
        body.LineTo(372, 220);
        body.LineTo(376, 450);
        body.LineTo(136, 450);
        body.LineTo(140, 220);
        body.LineTo(82, 412);
        body.LineTo(34, 400);
        body.LineTo(92, 130);
        body.Close();
        using (var denim = Painting.Fill(Palette.Denim, Palette.DenimDark, body.Bounds)) canvas.DrawPath(body, denim);
        using var stitch = Painting.Stroke(Palette.Stitch, 2.2f, dashed: true);
        canvas.DrawPath(body, stitch);
        // Collar.
        using (var collar = new SKPath())
        {
            collar.MoveTo(190, 90);
            collar.LineTo(256, 170);
            collar.LineTo(322, 90);
            collar.LineTo(300, 80);
            collar.LineTo(256, 120);
            collar.LineTo(212, 80);
            collar.Close();
            using var fill = Painting.Solid(Painting.Darker(Palette.Denim, 0.75f));
            canvas.DrawPath(collar, fill);
        }
        // Placket, buttons, waistband and pockets.
        using var seam = Painting.Stroke(Painting.Darker(Palette.Denim, 0.6f), 3);
        canvas.DrawLine(256, 170, 256, 450, seam);
        using var button = Painting.Solid(new SKColor(0xC9, 0xA2, 0x5A));
        for (var y = 200; y <= 420; y += 55) canvas.DrawCircle(268, y, 7, button);
        canvas.DrawLine(136, 410, 376, 410, seam);
        canvas.DrawLine(136, 410, 376, 410, stitch);
        foreach (var x in new[] { 168, 282 })
        {
            var pocket = SKRect.Create(x, 200, 62, 64);
            canvas.DrawRect(pocket, stitch);
            canvas.DrawLine(x, 218, x + 62, 218, stitch);
            canvas.DrawCircle(x + 31, 230, 5, button);
        }
        return Painting.Finish(surface);
    }
}
