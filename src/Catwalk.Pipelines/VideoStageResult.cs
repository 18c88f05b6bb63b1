using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>Every model's outcome for one input image, in the order the models were asked for.</summary>
public sealed record VideoStageResult(RunStamp Run, string ImagePath, IReadOnlyList<VideoModelOutcome> Outcomes)
{
    public IEnumerable<VideoModelOutcome> Succeeded => Outcomes.Where(o => o.Status == JobOutcomeStatus.Succeeded);
    public IEnumerable<VideoModelOutcome> Failed => Outcomes.Where(o => o.Status != JobOutcomeStatus.Succeeded);
}
