using Catwalk.Quality.Fashion;

namespace Catwalk.Runs.Gate;

/// <summary>The image gate's decision on one image, with why in words: the failed checks, or what kept it from measuring.</summary>
/// <param name="Problems">For <see cref="ImageGateOutcome.Failed"/>: each failed check ("face changed: identity 0.31, below 0.50"); for <see cref="ImageGateOutcome.Unmeasured"/>: why it could not measure.</param>
/// <param name="Unchecked">Checks the gate could not make on this image (no face in the reference, no outfit picture): passed, but said.</param>
public sealed record ImageGateVerdict(ImageGateOutcome Outcome, IReadOnlyList<string> Problems, IReadOnlyList<string> Unchecked, FashionMetrics? Metrics)
{
    public bool Passed => Outcome == ImageGateOutcome.Passed;

    /// <summary>One line: "face changed: identity 0.31, below 0.50; colour changed: …", or what kept the gate from measuring.</summary>
    public string Summary => Outcome == ImageGateOutcome.Passed
        ? "passed" + (Metrics is { } m ? Describe(m) : "") + (Unchecked.Count > 0 ? $" (not checked: {string.Join("; ", Unchecked)})" : "")
        : string.Join("; ", Problems);

    private static string Describe(FashionMetrics m)
    {
        var parts = new List<string>();
        if (m.IdentityMin is { } identity) parts.Add($"identity {identity:0.00}");
        if (m.GarmentDeltaE is { } deltaE) parts.Add($"outfit ΔE2000 {deltaE:0.#}");
        if (m.GarmentHistIntersection is { } overlap) parts.Add($"colour overlap {overlap:0.00}");
        return parts.Count == 0 ? "" : $": {string.Join(", ", parts)}";
    }
}
