namespace Catwalk.Runs.Sharing;

/// <summary>One colour per model, the same in every chart of a report: the models in name order take the palette in turn.</summary>
public sealed class ModelPalette
{
    // Okabe–Ito-like hues that stay distinct for colour-blind readers and on light and dark backgrounds.
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#B8A000", "#7F5FBF", "#8C564B", "#17BECF", "#E377C2", "#7F7F7F"];

    private readonly Dictionary<string, string> _colours;

    public ModelPalette(IEnumerable<string> models) =>
        _colours = models.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select((m, i) => (m, Colours[i % Colours.Length])).ToDictionary(p => p.m, p => p.Item2, StringComparer.Ordinal);

    public string Of(string model) => _colours.TryGetValue(model, out var colour) ? colour : Colours[^1];
}
