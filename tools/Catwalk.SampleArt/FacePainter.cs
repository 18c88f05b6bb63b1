namespace Catwalk.SampleArt;

/// <summary>face.png: a close-up of the same character, for the face reference.</summary>
internal static class FacePainter
{
    public static byte[] Paint()
    {
        var (surface, canvas) = Painting.Begin(512, 512, studio: false);
        using var neck = Painting.Fill(Palette.Skin, Palette.SkinShade, SkiaSharp.SKRect.Create(216, 380, 80, 140));
        canvas.DrawRect(216, 380, 80, 140, neck);
        using var tee = Painting.Fill(Palette.Tee, Painting.Darker(Palette.Tee), SkiaSharp.SKRect.Create(60, 470, 392, 60));
        canvas.DrawRoundRect(70, 468, 372, 80, 60, 60, tee);
        HeadPainter.Draw(canvas, 256, 250, 300);
        return Painting.Finish(surface);
    }
}
