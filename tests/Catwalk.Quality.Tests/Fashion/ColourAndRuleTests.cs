using Catwalk.Quality.Fashion;

namespace Catwalk.Quality.Tests.Fashion;

/// <summary>The parts that need no worker: CIEDE2000, the framing rule, and the install check's one line.</summary>
public sealed class ColourAndRuleTests
{
    [Theory] // Sharma, Wu and Dalal (2005), the CIEDE2000 test data: pairs 1, 7, 17, 25 and 34
    [InlineData(50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425)]
    [InlineData(50, 0, 0, 50, -1, 2, 2.3669)]
    [InlineData(50, 2.5, 0, 73, 25, -18, 27.1492)]
    [InlineData(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    [InlineData(22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373)]
    public void Delta_e_2000_matches_the_published_test_data(double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        new CieLab(l1, a1, b1).DeltaE2000(new CieLab(l2, a2, b2)).ShouldBe(expected, 0.0001);
        new CieLab(l2, a2, b2).DeltaE2000(new CieLab(l1, a1, b1)).ShouldBe(expected, 0.0001);
    }

    private static PoseReading Pose(double ankleY, double ankleScore) => new(0.8, new Dictionary<string, double[]>
    {
        ["nose"] = [100, 50, 0.6], ["leftHip"] = [110, 300, 0.7], ["rightHip"] = [90, 300, 0.7],
        ["leftKnee"] = [110, 450, 0.7], ["rightKnee"] = [90, 450, 0.7],
        ["leftAnkle"] = [110, ankleY, ankleScore], ["rightAnkle"] = [90, ankleY, ankleScore],
    });

    [Fact]
    public void The_framing_rule_wants_head_and_both_ankles_inside_and_below_the_knees()
    {
        FramingRule.ShowsFullBody(Pose(600, 0.6), 200, 640).ShouldBeTrue();
        FramingRule.ShowsFullBody(Pose(600, 0.1), 200, 640).ShouldBeFalse(); // unsure ankles
        FramingRule.ShowsFullBody(Pose(635, 0.6), 200, 640).ShouldBeFalse(); // at the cut
        FramingRule.ShowsFullBody(Pose(480, 0.6), 200, 640).ShouldBeFalse(); // a guess at the knee
        FramingRule.ShowsFullBody(null, 200, 640).ShouldBeFalse();
    }

    [Fact]
    public void Without_node_the_fashion_metrics_are_skipped_with_one_line_saying_how_to_get_them()
    {
        VisionInstall.Find("/nonexistent", null, out var reason).ShouldBeNull();
        reason.ShouldStartWith("Fashion metrics skipped: Node.js is not installed");
        reason.ShouldContain("tools/vision/install.sh");
        reason.ShouldNotContain("\n");
    }
}
