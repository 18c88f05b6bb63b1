using Catwalk.Domain;
using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// The camera angle an image prompt asks for, read from its words as a model would ("back view", "from behind",
/// "in full profile", "three-quarter"), and the person picture drawn as seen from there: turned (narrowed and
/// sheared), in profile (narrow, mirrored), or from behind (mirrored, blurred and darkened so no face is left to
/// find). Enough for the front, three-quarter, side and back images of one look to be told apart, and for the
/// fashion metrics to find no face in a back view, as they would in a real one.
/// </summary>
internal static class CameraPose
{
    public static CameraAngle? Of(string prompt)
    {
        bool Has(string words) => prompt.Contains(words, StringComparison.OrdinalIgnoreCase);
        if (Has("back view") || Has("from behind")) return CameraAngle.Back;
        if (Has("side view") || Has("full profile")) return CameraAngle.Side;
        if (Has("three-quarter") || Has("three quarter")) return CameraAngle.ThreeQuarter;
        if (Has("front view")) return CameraAngle.Front;
        return null;
    }

    /// <summary>Draws the person picture in <paramref name="box"/> as seen from <paramref name="angle"/> (front or none: as it is).</summary>
    public static void DrawPerson(SKCanvas canvas, byte[] picture, SKRect box, CameraAngle? angle)
    {
        if (angle is null or CameraAngle.Front)
        {
            Drawing.DrawFitted(canvas, picture, box);
            return;
        }
        var (widthScale, shear, mirrored) = angle switch
        {
            CameraAngle.ThreeQuarter => (0.78f, -0.12f, false),
            CameraAngle.Side => (0.5f, 0f, true),
            _ => (0.92f, 0f, true),
        };
        canvas.Save();
        canvas.Translate(box.MidX, box.MidY);
        canvas.Scale(mirrored ? -widthScale : widthScale, 1);
        canvas.Skew(shear, 0);
        canvas.Translate(-box.MidX, -box.MidY);
        if (angle == CameraAngle.Back)
        {
            // Seen from behind: the outline and the garments' colours stay, the face does not.
            using var blur = SKImageFilter.CreateBlur(box.Width / 28f, box.Width / 28f);
            using var darker = SKColorFilter.CreateBlendMode(new SKColor(20, 20, 30, 110), SKBlendMode.SrcATop);
            using var paint = new SKPaint { ImageFilter = blur, ColorFilter = darker };
            canvas.SaveLayer(paint);
            Drawing.DrawFitted(canvas, picture, box);
            canvas.Restore();
        }
        else Drawing.DrawFitted(canvas, picture, box);
        canvas.Restore();
    }

    /// <summary>"back view" for the card's label, or nothing for a front or unspecified shot.</summary>
    public static string Label(CameraAngle? angle) => angle is null or CameraAngle.Front ? "" : $" · {angle.Value.Word()} view";
}
