using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>person.png: the whole character, head to toe, front-facing, in plain grey tee and charcoal leggings.</summary>
internal static class PersonPainter
{
    public static byte[] Paint()
    {
        const float cx = 384;
        var (surface, canvas) = Painting.Begin(768, 1152);
        // Legs and feet.
        foreach (var side in new[] { -1f, 1f })
        {
            using var leg = new SKPath();
            leg.MoveTo(cx + side * 8, 560);
            leg.CubicTo(cx + side * 10, 760, cx + side * 22, 900, cx + side * 30, 1040);
            leg.LineTo(cx + side * 78, 1040);
            leg.CubicTo(cx + side * 84, 880, cx + side * 96, 720, cx + side * 104, 560);
            leg.Close();
            using var legs = Painting.Fill(Painting.Darker(Palette.Leggings, 1.25f), Palette.Leggings, leg.Bounds);
            canvas.DrawPath(leg, legs);
            using var shoe = Painting.Fill(new SKColor(0xF4, 0xF4, 0xF2), new SKColor(0xC9, 0xC9, 0xC6), SKRect.Create(cx + side * 54 - 40, 1030, 80, 40));
            canvas.DrawRoundRect(SKRect.Create(cx + side * 54 - (side < 0 ? 50 : 30), 1032, 80, 34), 16, 16, shoe);
        }
        // Arms behind the torso edges, hands at the hips.
        foreach (var side in new[] { -1f, 1f })
        {
            using var arm = new SKPath();
            arm.MoveTo(cx + side * 112, 262);
            arm.CubicTo(cx + side * 150, 330, cx + side * 152, 470, cx + side * 146, 600);
            arm.LineTo(cx + side * 118, 600);
            arm.CubicTo(cx + side * 118, 480, cx + side * 112, 360, cx + side * 90, 300);
            arm.Close();
            using var skin = Painting.Fill(Palette.Skin, Palette.SkinShade, arm.Bounds);
            canvas.DrawPath(arm, skin);
            canvas.DrawOval(cx + side * 132, 622, 20, 30, skin);
        }
        // Neck and torso (tee), hips.
        using (var neck = Painting.Fill(Palette.Skin, Palette.SkinShade, SKRect.Create(cx - 24, 200, 48, 70))) canvas.DrawRect(cx - 24, 200, 48, 70, neck);
        using (var torso = new SKPath())
        {
            torso.MoveTo(cx - 118, 262);
            torso.CubicTo(cx - 60, 240, cx + 60, 240, cx + 118, 262);
            torso.CubicTo(cx + 128, 300, cx + 140, 330, cx + 142, 360);
            torso.LineTo(cx + 106, 372);
            torso.CubicTo(cx + 100, 440, cx + 104, 500, cx + 108, 570);
            torso.LineTo(cx - 108, 570);
            torso.CubicTo(cx - 104, 500, cx - 100, 440, cx - 106, 372);
            torso.LineTo(cx - 142, 360);
            torso.CubicTo(cx - 140, 330, cx - 128, 300, cx - 118, 262);
            torso.Close();
            using var tee = Painting.Fill(Palette.Tee, Painting.Darker(Palette.Tee, 0.82f), torso.Bounds);
            canvas.DrawPath(torso, tee);
            using var neckline = Painting.Stroke(Painting.Darker(Palette.Tee, 0.7f), 4);
            canvas.DrawArc(SKRect.Create(cx - 34, 232, 68, 44), 10, 160, false, neckline);
        }
        HeadPainter.Draw(canvas, cx, 138, 150);
        return Painting.Finish(surface);
    }
}
