using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Engine;

/// <summary>An attempt's job results put back together per look, as commands show them: its image, then each duration's videos.</summary>
public static class LookOutcomes
{
    public static IReadOnlyList<LookOutcome> From(EngineRun run, IReadOnlyList<JobRunResult> results) =>
        [.. run.Spec.Looks.Select(look => Of(run, look, [.. results.Where(r => r.Job.LookId == look.Id)]))];

    private static LookOutcome Of(EngineRun run, LookSpec look, IReadOnlyList<JobRunResult> results)
    {
        var image = results.FirstOrDefault(r => r.Job.Stage == StageKind.Image);
        if (image is { Image: null }) return new LookOutcome(look, null, [], image.Problem);
        var videos = results.Where(r => r.Video is not null).ToList();
        if (videos.Count == 0) return new LookOutcome(look, image?.Image, []) { ImageGate = image?.Gate };
        var frame = videos[0].FramePath!;
        return new LookOutcome(look, image?.Image, [.. run.Spec.Durations.Distinct()
            .Select(d => videos.Where(v => v.Job.RequestedDuration == d).Select(v => v.Video!).ToList())
            .Where(outcomes => outcomes.Count > 0)
            .Select(outcomes => new VideoStageResult(run.Stamp, frame, outcomes))]) { ImageGate = image?.Gate };
    }
}
