using Catwalk.Quality.Fashion;

namespace Catwalk.Runs.Gate;

/// <summary>
/// The rule of <c>--gate-image</c>: an image whose face or outfit did not survive is not animated. The checks and their
/// thresholds are the fashion metrics' own (<see cref="FashionThresholds"/>, docs/quality-metrics.md): the face found and
/// its identity against the face reference at or above <see cref="FashionThresholds.Identity"/>; the outfit's dominant
/// colours within <see cref="FashionThresholds.GarmentDeltaE"/> and its colour histogram overlapping at least
/// <see cref="FashionThresholds.GarmentHistIntersection"/>. Framing (feet cut off) is reported, not gated: a team may
/// choose a three-quarter shot on purpose.
/// </summary>
public static class ImageGate
{
    /// <summary>Judges an image's fashion metrics (one "frame": the image itself).</summary>
    /// <param name="angle">The angle it was shot at: a back view shows no face, a side view may hide it from the detector.</param>
    public static ImageGateVerdict Judge(FashionMetrics metrics, Domain.CameraAngle? angle = null)
    {
        if (metrics.FramesSampled == 0)
            return new(ImageGateOutcome.Unmeasured, [metrics.Notes.FirstOrDefault() ?? "the image could not be measured"], [], metrics);
        var problems = new List<string>();
        var notChecked = new List<string>();
        if (angle == Domain.CameraAngle.Back) notChecked.Add("identity (a back view shows no face)");
        else if (metrics.FaceFoundShare is null) notChecked.Add(NoteAbout(metrics, "identity") ?? "identity (no face or person reference)");
        else if (metrics.FaceFoundShare < FashionThresholds.FaceFoundShare)
        {
            if (angle == Domain.CameraAngle.Side) notChecked.Add("identity (no face found in the side view)");
            else problems.Add("face lost: no face found in the image");
        }
        else if (metrics.IdentityMin is { } identity && identity < FashionThresholds.Identity)
            problems.Add($"face changed: identity {identity:0.00} against the face reference, below {FashionThresholds.Identity:0.00}");

        if (metrics.GarmentDeltaE is { } deltaE && metrics.GarmentHistIntersection is { } overlap)
        {
            if (deltaE > FashionThresholds.GarmentDeltaE || overlap < FashionThresholds.GarmentHistIntersection)
                problems.Add($"colour changed: outfit ΔE2000 {deltaE:0.#} (at most {FashionThresholds.GarmentDeltaE:0}), colour overlap {overlap:0.00} (at least {FashionThresholds.GarmentHistIntersection:0.00})");
        }
        else notChecked.Add(NoteAbout(metrics, "garment") ?? "outfit colour (no outfit picture)");
        return new(problems.Count > 0 ? ImageGateOutcome.Failed : ImageGateOutcome.Passed, problems, notChecked, metrics);
    }

    /// <summary>The metrics' own note on why a value is missing ("No face found in the reference …"), if it has one.</summary>
    private static string? NoteAbout(FashionMetrics metrics, string topic) =>
        metrics.Notes.FirstOrDefault(n => n.Contains(topic, StringComparison.OrdinalIgnoreCase) || topic == "identity" && n.Contains("face", StringComparison.OrdinalIgnoreCase))?.TrimEnd('.');
}
