using SkiaSharp;

namespace Catwalk.SampleArt;

/// <summary>The sample character's colours, shared so the face close-up matches the full-body picture.</summary>
internal static class Palette
{
    public static readonly SKColor Skin = new(0xE3, 0xB0, 0x8C);
    public static readonly SKColor SkinShade = new(0xC8, 0x8F, 0x6C);
    public static readonly SKColor Hair = new(0x3A, 0x26, 0x1C);
    public static readonly SKColor HairLight = new(0x5A, 0x3C, 0x2B);
    public static readonly SKColor Iris = new(0x4E, 0x6E, 0x3A);
    public static readonly SKColor Lips = new(0xB8, 0x5C, 0x5A);
    public static readonly SKColor Tee = new(0xA7, 0xAC, 0xB2);
    public static readonly SKColor Leggings = new(0x3B, 0x40, 0x48);
    public static readonly SKColor Denim = new(0x3D, 0x6B, 0xA3);
    public static readonly SKColor DenimDark = new(0x2C, 0x50, 0x7E);
    public static readonly SKColor Cream = new(0xE8, 0xDC, 0xC0);
    public static readonly SKColor CreamShade = new(0xCF, 0xC0, 0x9E);
    public static readonly SKColor Stitch = new(0xE0, 0xA8, 0x4A);
    public static readonly SKColor Accent = new(0xD9, 0x3D, 0x3D);
    public static readonly SKColor BackdropTop = new(0xF2, 0xF0, 0xEC);
    public static readonly SKColor BackdropBottom = new(0xDD, 0xD8, 0xD0);
}
