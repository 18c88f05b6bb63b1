using Catwalk.Runs.Engine;

namespace Catwalk.Runs.Gate;

/// <summary>
/// What the image gate means for a video whose image is downloaded, beside <see cref="InputRule"/>: an image that failed
/// is not animated (the video fails, not run, nothing sent); one that could not be measured holds the video for a resume.
/// </summary>
public static class GateRule
{
    /// <summary>Words every video refused by the gate starts its error with, after <see cref="InputRule.NotRun"/>.</summary>
    public const string Refused = "its image failed the gate (--gate-image)";

    /// <summary>How the error of a video refused by the gate begins.</summary>
    public const string ErrorPrefix = InputRule.NotRun + Refused;

    public static InputVerdict Apply(InputVerdict ready, ImageGateVerdict gate) => gate.Outcome switch
    {
        ImageGateOutcome.Passed => ready,
        ImageGateOutcome.Failed => ready with { Readiness = InputReadiness.Blocked, Reason = $"{ErrorPrefix}: {gate.Summary}" },
        _ => ready with { Readiness = InputReadiness.Held, Reason = $"waiting for the image gate: {gate.Summary}" },
    };
}
