using System.Globalization;
using Catwalk.Catalog;
using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// The pixel size an image model returns for an input: its native size, scaled by a resolution tier (<c>2K</c>), replaced
/// by one of fal's <c>image_size</c> presets, or reshaped to an aspect ratio (same pixel count; "auto" follows the first
/// reference), then raised to the model's minimum pixel count. A model without a native size keeps the first reference's.
/// </summary>
internal static class ImageSizes
{
    /// <summary>fal's ImageSize presets, as its image models' <c>image_size</c> enums name them.</summary>
    private static readonly Dictionary<string, (int Width, int Height)> Presets = new()
    {
        ["square_hd"] = (1024, 1024), ["square"] = (512, 512), ["portrait_4_3"] = (768, 1024),
        ["portrait_16_9"] = (576, 1024), ["landscape_4_3"] = (1024, 768), ["landscape_16_9"] = (1024, 576),
    };

    private const int LongestReferenceSide = 2048;

    public static (int Width, int Height) For(ModelDescriptor model, string? aspect, string? resolution, string? imageSize, IReadOnlyList<byte[]> references)
    {
        var reference = references.Count > 0 ? SizeOf(references[0]) : null;
        var (w, h) = model.Output.Width is { } ow && model.Output.Height is { } oh ? (ow, oh) : Capped(reference ?? (1024, 1024));
        double? ratio = VideoGeometry.ParseAspect(aspect) ?? (aspect == "auto" && reference is { } r ? (double)r.Width / r.Height : null);
        var area = (double)w * h;
        if (Tier(resolution) is { } tier && Tier(model.DefaultResolution) is { } baseTier) area *= Math.Pow(tier / baseTier, 2);
        if (imageSize is not null && Presets.TryGetValue(imageSize, out var preset)) (w, h, area, ratio) = (preset.Width, preset.Height, (double)preset.Width * preset.Height, null);
        else if (imageSize is "auto" or "auto_2K" or "auto_4K")
        {
            ratio = reference is { } a ? (double)a.Width / a.Height : 1;
            area = imageSize switch { "auto_2K" => 2048.0 * 2048, "auto_4K" => 4096.0 * 4096, _ => area };
        }
        ratio ??= (double)w / h;
        if (model.Output.MinimumPixels is { } min && area < min) area = min;
        return (VideoGeometry.Even(Math.Sqrt(area * ratio.Value)), VideoGeometry.Even(Math.Sqrt(area / ratio.Value)));
    }

    /// <summary>Width and height of an image the resolver already decoded once; null if it cannot be read.</summary>
    public static (int Width, int Height)? SizeOf(byte[] image)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(image));
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>A resolution tier's number: <c>2K</c> → 2; null for anything else.</summary>
    private static double? Tier(string? resolution) =>
        resolution is { Length: > 1 } t && (t[^1] is 'K' or 'k') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static (int Width, int Height) Capped((int Width, int Height) size)
    {
        var scale = Math.Min(1.0, (double)LongestReferenceSide / Math.Max(size.Width, size.Height));
        return ((int)(size.Width * scale), (int)(size.Height * scale));
    }
}
