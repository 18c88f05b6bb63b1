using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>The character's head (hair, face, features), drawn at any size so the close-up and the full body match.</summary>
internal static class HeadPainter
{
    /// <summary>Draws a head whose face is centred on (cx, cy) and <paramref name="h"/> tall from hairline to chin.</summary>
    public static void Draw(SKCanvas canvas, float cx, float cy, float h)
    {
        var w = h * 0.72f;
        var face = SKRect.Create(cx - w / 2, cy - h / 2, w, h);
        // Hair behind the head: a shoulder-length bob.
        using (var back = new SKPath())
        {
            back.MoveTo(cx - w * 0.62f, cy + h * 0.55f);
            back.CubicTo(cx - w * 0.75f, cy - h * 0.2f, cx - w * 0.55f, cy - h * 0.78f, cx, cy - h * 0.74f);
            back.CubicTo(cx + w * 0.55f, cy - h * 0.78f, cx + w * 0.75f, cy - h * 0.2f, cx + w * 0.62f, cy + h * 0.55f);
            back.Close();
            using var hair = Painting.Fill(Palette.HairLight, Palette.Hair, back.Bounds);
            canvas.DrawPath(back, hair);
        }
        using (var skin = Painting.Fill(Palette.Skin, Palette.SkinShade, face)) canvas.DrawOval(face, skin);
        // Fringe sweeping to one side.
        using (var fringe = new SKPath())
        {
            fringe.MoveTo(cx - w * 0.52f, cy - h * 0.05f);
            fringe.CubicTo(cx - w * 0.5f, cy - h * 0.6f, cx + w * 0.3f, cy - h * 0.62f, cx + w * 0.52f, cy - h * 0.12f);
            fringe.CubicTo(cx + w * 0.2f, cy - h * 0.38f, cx - w * 0.2f, cy - h * 0.3f, cx - w * 0.52f, cy - h * 0.05f);
            using var hair = Painting.Fill(Palette.HairLight, Palette.Hair, fringe.Bounds);
            canvas.DrawPath(fringe, hair);
        }
        var eyeY = cy - h * 0.02f;
        foreach (var side in new[] { -1f, 1f })
        {
            var ex = cx + side * w * 0.2f;
            using var white = Painting.Solid(new SKColor(0xFA, 0xF7, 0xF2));
            canvas.DrawOval(ex, eyeY, w * 0.09f, h * 0.035f, white);
            using var iris = Painting.Solid(Palette.Iris);
            canvas.DrawCircle(ex, eyeY, h * 0.03f, iris);
            using var pupil = Painting.Solid(new SKColor(0x1E, 0x1A, 0x18));
            canvas.DrawCircle(ex, eyeY, h * 0.013f, pupil);
            using var brow = Painting.Stroke(Palette.Hair, h * 0.018f);
            canvas.DrawLine(ex - w * 0.09f, eyeY - h * 0.075f, ex + w * 0.08f, eyeY - h * 0.085f + side * h * 0.004f, brow);
        }
        using (var nose = Painting.Stroke(Palette.SkinShade, h * 0.012f))
        {
            using var path = new SKPath();
            path.MoveTo(cx, eyeY + h * 0.04f);
            path.QuadTo(cx + w * 0.06f, eyeY + h * 0.16f, cx - w * 0.02f, eyeY + h * 0.18f);
            canvas.DrawPath(path, nose);
        }
        using (var lips = Painting.Solid(Palette.Lips))
        {
            using var mouth = new SKPath();
            mouth.MoveTo(cx - w * 0.13f, cy + h * 0.27f);
            mouth.QuadTo(cx, cy + h * 0.22f, cx + w * 0.13f, cy + h * 0.27f);
            mouth.QuadTo(cx, cy + h * 0.34f, cx - w * 0.13f, cy + h * 0.27f);
            canvas.DrawPath(mouth, lips);
        }
        using var cheeks = Painting.Solid(new SKColor(0xE8, 0x8F, 0x80, 60));
        canvas.DrawCircle(cx - w * 0.28f, cy + h * 0.14f, h * 0.07f, cheeks);
        canvas.DrawCircle(cx + w * 0.28f, cy + h * 0.14f, h * 0.07f, cheeks);
    }
}
