using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Stands in for an image model: the references composed into a full-body fashion card — the person large, face
/// and outfit pieces smaller — with the prompt legible on it and a clear "EMULATED" label; the person drawn from the camera angle the prompt
/// asks for (<see cref="CameraPose"/>). Each model has its own
/// layout and tint (<see cref="CardStyle"/>), so one look dressed by several models gives images that differ.
/// </summary>
internal static class ImageCardRenderer
{
    /// <summary>Part of every render-cache key: bump it when the cards change, so old entries are not served.</summary>
    public const string Version = "3";

    public static byte[] Render(int width, int height, IReadOnlyList<byte[]> references, string prompt, string modelName, CardStyle style, int index, int count, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var hue = (style.Hue + index * 23) % 360;
        using (var background = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                   [SKColor.FromHsl(hue, 35, 90), SKColor.FromHsl((hue + 40) % 360, 30, 72)], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, background);

        var textTop = height * 0.78f;
        var area = new SKRect(width * 0.04f, height * 0.04f, width * 0.96f, textTop - height * 0.02f);
        var angle = CameraPose.Of(prompt);
        var first = true;
        foreach (var (picture, box) in Place(style.Layout, references, area))
        {
            // The first reference is the person: drawn from the angle the prompt asks for; the garments as they are.
            if (first) CameraPose.DrawPerson(canvas, picture, box, angle);
            else Drawing.DrawFitted(canvas, picture, box);
            first = false;
        }
        Drawing.LabelPanel(canvas, width, height, textTop, style.Hue, $"EMULATED · {modelName}{CameraPose.Label(angle)} · {index + 1}/{count}", prompt);
        return Drawing.Encode(surface, format);
    }

    /// <summary>Where each reference goes in <paramref name="area"/>: the first (the person) gets the most room.</summary>
    private static IEnumerable<(byte[] Picture, SKRect Box)> Place(CardLayout layout, IReadOnlyList<byte[]> references, SKRect area)
    {
        if (references.Count == 0) yield break;
        var others = references.Skip(1).ToList();
        var gap = area.Width * 0.02f;
        if (others.Count == 0 || layout == CardLayout.Grid && references.Count == 1)
        {
            yield return (references[0], area);
            yield break;
        }
        switch (layout)
        {
            case CardLayout.Sidebar:
                var split = area.Left + area.Width * 0.70f;
                yield return (references[0], new SKRect(area.Left, area.Top, split - gap, area.Bottom));
                foreach (var item in Column(others, new SKRect(split, area.Top, area.Right, area.Bottom), gap)) yield return item;
                break;
            case CardLayout.BottomStrip:
                var line = area.Top + area.Height * 0.68f;
                yield return (references[0], new SKRect(area.Left, area.Top, area.Right, line - gap));
                var cell = area.Width / others.Count;
                for (var i = 0; i < others.Count; i++)
                    yield return (others[i], new SKRect(area.Left + i * cell, line, area.Left + (i + 1) * cell - gap, area.Bottom));
                break;
            case CardLayout.Grid:
                var rows = (references.Count + 1) / 2;
                var (w, h) = (area.Width / 2, area.Height / rows);
                for (var i = 0; i < references.Count; i++)
                    yield return (references[i], SKRect.Create(area.Left + i % 2 * w, area.Top + i / 2 * h, w - gap, h - gap));
                break;
            default:
                var (left, right) = (area.Left + area.Width * 0.2f, area.Right - area.Width * 0.2f);
                yield return (references[0], new SKRect(left + gap, area.Top, right - gap, area.Bottom));
                var sides = new[] { new SKRect(area.Left, area.Top, left, area.Bottom), new SKRect(right, area.Top, area.Right, area.Bottom) };
                for (var side = 0; side < 2; side++)
                    foreach (var item in Column([.. others.Where((_, i) => i % 2 == side)], sides[side], gap)) yield return item;
                break;
        }
    }

    private static IEnumerable<(byte[] Picture, SKRect Box)> Column(IReadOnlyList<byte[]> pictures, SKRect box, float gap)
    {
        if (pictures.Count == 0) yield break;
        var slot = box.Height / pictures.Count;
        for (var i = 0; i < pictures.Count; i++)
            yield return (pictures[i], new SKRect(box.Left, box.Top + i * slot, box.Right, box.Top + (i + 1) * slot - gap));
    }
}
