using Catwalk.Quality.Fashion;
using Catwalk.Runs.Engine;
using Catwalk.Runs.Gate;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Gate;

/// <summary>The gate's rule on fixed numbers: which image is animated, which is refused and why, which waits.</summary>
public class ImageGateRuleTests
{
    private static FashionMetrics Measured(double? identity = 0.7, double? faceShare = 1, double? deltaE = 4, double? overlap = 0.85, params string[] notes) => new()
    {
        FramesSampled = 1, IdentityMin = identity, IdentityMean = identity, FaceFoundShare = faceShare, GarmentDeltaE = deltaE, GarmentHistIntersection = overlap, Notes = notes,
    };

    [Fact]
    public void An_image_that_kept_the_face_and_the_outfit_passes_and_says_its_numbers()
    {
        var verdict = ImageGate.Judge(Measured());
        verdict.Outcome.ShouldBe(ImageGateOutcome.Passed);
        verdict.Summary.ShouldBe("passed: identity 0.70, outfit ΔE2000 4, colour overlap 0.85");
    }

    [Theory]
    [InlineData(0.49, 1.0, 4.0, 0.85, "face changed: identity 0.49 against the face reference, below 0.50")]
    [InlineData(null, 0.0, 4.0, 0.85, "face lost: no face found in the image")]
    [InlineData(0.7, 1.0, 15.1, 0.85, "colour changed: outfit ΔE2000 15.1 (at most 15), colour overlap 0.85 (at least 0.50)")]
    [InlineData(0.7, 1.0, 4.0, 0.49, "colour changed: outfit ΔE2000 4 (at most 15), colour overlap 0.49 (at least 0.50)")]
    public void An_image_that_lost_the_face_or_the_outfit_fails_with_the_reason(double? identity, double faceShare, double deltaE, double overlap, string reason)
    {
        var verdict = ImageGate.Judge(Measured(identity, faceShare, deltaE, overlap));
        verdict.Outcome.ShouldBe(ImageGateOutcome.Failed);
        verdict.Problems.ShouldBe([reason]);
    }

    [Fact]
    public void Both_failures_are_named_and_the_thresholds_are_the_fashion_metrics_own()
    {
        ImageGate.Judge(Measured(FashionThresholds.Identity, 1, FashionThresholds.GarmentDeltaE, FashionThresholds.GarmentHistIntersection)).Passed.ShouldBeTrue();
        ImageGate.Judge(Measured(0.2, 1, 30, 0.1)).Problems.Count.ShouldBe(2);
    }

    [Fact]
    public void What_cannot_be_checked_passes_and_is_said()
    {
        var verdict = ImageGate.Judge(Measured(identity: null, faceShare: null, deltaE: null, overlap: null,
            "No face found in the reference 'face.jpg': identity not measured.", "No outfit reference (--outfit): garment fidelity not measured."));
        verdict.Outcome.ShouldBe(ImageGateOutcome.Passed);
        verdict.Unchecked.ShouldBe(["No face found in the reference 'face.jpg': identity not measured", "No outfit reference (--outfit): garment fidelity not measured"]);
    }

    [Fact]
    public void An_image_that_could_not_be_measured_holds_its_videos_rather_than_letting_them_through()
    {
        var verdict = ImageGate.Judge(FashionMetrics.Skipped("Fashion metrics skipped: Node.js is not installed (apt-get install -y nodejs npm, then tools/vision/install.sh)."));
        verdict.Outcome.ShouldBe(ImageGateOutcome.Unmeasured);
        var ready = new InputVerdict(InputReadiness.Ready, null, []);
        GateRule.Apply(ready, verdict).Readiness.ShouldBe(InputReadiness.Held);
        var refused = GateRule.Apply(ready, ImageGate.Judge(Measured(identity: 0.3)));
        refused.Readiness.ShouldBe(InputReadiness.Blocked);
        refused.Reason.ShouldBe("not run: its image failed the gate (--gate-image): face changed: identity 0.30 against the face reference, below 0.50");
        GateRule.Apply(ready, ImageGate.Judge(Measured())).ShouldBeSameAs(ready);
    }
}
