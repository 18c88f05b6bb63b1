namespace Catwalk.Quality.Fashion;

/// <summary>
/// Whether a pose shows the whole body: the head and both ankles confidently inside the frame, each ankle clearly below
/// its knee. MoveNet guesses cut-off ankles at the knee or the frame's edge with a low score; the rule got 8 of 8 crops
/// right in ../shared/vision/NOTES.md and the cut-at-the-knees videos of the tests.
/// </summary>
internal static class FramingRule
{
    public static bool ShowsFullBody(PoseReading? pose, int width, int height)
    {
        if (pose is null) return false;
        var k = pose.Keypoints;
        bool Confident(string part) => k.TryGetValue(part, out var p) && p[2] >= (part.EndsWith("Ankle", StringComparison.Ordinal) ? FashionThresholds.AnkleScore : FashionThresholds.KeypointScore)
                                       && p[0] >= 0 && p[0] < width && p[1] >= 0 && p[1] < height * (1 - FashionThresholds.EdgeMargin);
        var head = Confident("nose") || Confident("leftEye") || Confident("rightEye");
        return head && FootInside("left") && FootInside("right");

        bool FootInside(string side)
        {
            if (!Confident(side + "Ankle")) return false;
            if (!k.TryGetValue(side + "Knee", out var knee) || !k.TryGetValue(side + "Hip", out var hip)) return true;
            var thigh = Math.Abs(knee[1] - hip[1]);
            return k[side + "Ankle"][1] - knee[1] >= FashionThresholds.AnkleBelowKnee * thigh;
        }
    }
}
