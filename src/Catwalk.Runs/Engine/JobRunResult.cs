using Catwalk.Pipelines;
using Catwalk.Runs.Gate;
using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>What one attempt at a job produced: an image stage's result, a video model's outcome, or why it produced nothing this time.</summary>
public sealed record JobRunResult(JobRecord Job)
{
    public ImageStageResult? Image { get; init; }
    /// <summary>The image gate's verdict on this image job's result (<see cref="Specs.RunSpec.GateImage"/>); null when the run has no gate.</summary>
    public ImageGateVerdict? Gate { get; init; }
    public VideoModelOutcome? Video { get; init; }
    /// <summary>The first frame a video job animated (its input's file, or the look's own picture).</summary>
    public string? FramePath { get; init; }
    /// <summary>Why there is no result this time: held, not run, failed, or an error the caller decides about.</summary>
    public string? Problem { get; init; }

    public static JobRunResult Without(JobRecord job, string problem) => new(job) { Problem = problem };
}
