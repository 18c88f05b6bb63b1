using Catwalk.Pipelines;
using Catwalk.Runs.Gate;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Execution;

/// <summary>One look's results: its image (unless it started from one) and the image gate's verdict on it, each duration's videos, or why it stopped.</summary>
public sealed record LookOutcome(LookSpec Look, ImageStageResult? Image, IReadOnlyList<VideoStageResult> Videos, string? Error = null)
{
    public ImageGateVerdict? ImageGate { get; init; }
}
