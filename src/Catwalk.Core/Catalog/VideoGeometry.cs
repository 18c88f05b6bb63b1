using System.Globalization;

namespace Catwalk.Catalog;

/// <summary>Pixel sizes from fal's resolution names ("720p" = 720 on the short side) and aspect ratios.</summary>
public static class VideoGeometry
{
    /// <summary>The frame size for <paramref name="resolution"/> at <paramref name="aspectRatio"/>;
    /// "auto" (or none) follows <paramref name="imageAspect"/> (width / height) and otherwise 16:9.</summary>
    public static (int Width, int Height) Size(string resolution, string? aspectRatio, double? imageAspect = null)
    {
        var shortSide = ShortSide(resolution);
        var aspect = ParseAspect(aspectRatio) ?? imageAspect ?? 16.0 / 9.0;
        return aspect >= 1
            ? (Even(shortSide * aspect), Even(shortSide))
            : (Even(shortSide), Even(shortSide / aspect));
    }

    public static int ShortSide(string resolution)
    {
        var digits = resolution.TrimEnd('p', 'P');
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{resolution}' is not a resolution like 720p.", nameof(resolution));
    }

    /// <summary>"9:16" → 0.5625; "auto" or unparsable → null.</summary>
    public static double? ParseAspect(string? aspectRatio)
    {
        if (aspectRatio is null) return null;
        var parts = aspectRatio.Split(':');
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
               && w > 0 && h > 0
            ? w / h
            : null;
    }

    /// <summary>The nearest even whole number, at least 2: H.264 with yuv420p needs even frame sizes.</summary>
    public static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
