using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>An explicit font file, so renders look the same on every machine (DejaVu ships with Debian).</summary>
internal static class Fonts
{
    public const string SansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string BoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public static SKTypeface Sans { get; } = Load(SansPath);
    public static SKTypeface Bold { get; } = Load(BoldPath);

    private static SKTypeface Load(string path) => File.Exists(path) ? SKTypeface.FromFile(path) : SKTypeface.Default;
}
