using Catwalk.Dashboard.Data;
using Catwalk.Runs.Preference;

namespace Catwalk.Dashboard.Tests.Preference;

/// <summary>The Pareto front on each quality axis the leaderboard offers, with the axis's direction respected.</summary>
public sealed class ParetoAxisTests
{
    // Same cost and latency: only the quality axis decides.
    private static IReadOnlyList<ParetoPoint> Points(double a, double b) => [new("model-a", a, 0.1, 10), new("model-b", b, 0.1, 10)];

    [Theory]
    [InlineData("identity_mean", 0.8, 0.4, "model-a")]       // higher identity is better
    [InlineData("full_body_share", 0.5, 1.0, "model-b")]     // more frames head to toe is better
    [InlineData("garment_delta_e", 4.0, 20.0, "model-a")]    // a smaller colour difference is better
    [InlineData("frozen_fraction", 0.5, 0.0, "model-b")]
    [InlineData("temporal_flicker_score", 0.9, 0.99, "model-b")] // 1 − frame difference: higher is steadier
    [InlineData("rating", 1100.0, 900.0, "model-a")]
    public void The_front_keeps_the_model_that_is_better_on_the_axis(string axis, double a, double b, string better) =>
        PreferenceData.Front(Points(a, b), axis).ShouldBe([better]);

    [Fact]
    public void The_fashion_axes_are_offered_with_their_directions()
    {
        QualityMetric.Find("identity_mean").ShouldNotBeNull().HigherIsBetter.ShouldBeTrue();
        QualityMetric.Find("full_body_share").ShouldNotBeNull().HigherIsBetter.ShouldBeTrue();
        QualityMetric.Find("garment_delta_e").ShouldNotBeNull().HigherIsBetter.ShouldBeFalse();
        QualityMetric.All.Where(m => m.IsFashion).Select(m => m.Name).ShouldBe(["identity_mean", "garment_delta_e", "full_body_share"]);
    }
}
