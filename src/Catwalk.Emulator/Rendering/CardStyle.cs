using System.Text;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// A model's look in the emulator: a layout and a tint hue fixed by its endpoint id (FNV-1a, stable across processes and
/// machines), so the same input rendered by two models gives two visibly different images, and by one model the same.
/// </summary>
internal sealed record CardStyle(CardLayout Layout, int Hue)
{
    public static CardStyle For(string endpointId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(endpointId)) hash = (hash ^ b) * 16777619u;
        var layouts = Enum.GetValues<CardLayout>();
        return new CardStyle(layouts[hash % (uint)layouts.Length], (int)(hash / (uint)layouts.Length % 360));
    }
}
