namespace Catwalk.Runs.Gate;

/// <summary>What the image gate (<c>--gate-image</c>) decided about a generated image before any video is made from it.</summary>
public enum ImageGateOutcome
{
    /// <summary>The face and the outfit survived (or what could not be checked is noted): its videos are sent.</summary>
    Passed,
    /// <summary>The face changed or was lost, or the outfit's colours changed: its videos are not sent (they fail, not run, $0).</summary>
    Failed,
    /// <summary>The image could not be measured this time (the vision worker missing or failing): its videos are held for a resume.</summary>
    Unmeasured,
}
