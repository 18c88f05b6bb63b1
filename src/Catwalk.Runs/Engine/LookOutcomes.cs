using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Engine;

/// <summary>
/// An attempt's job results put back together per look, as commands show them: its image, then each duration's videos
/// of it — one outcome per image model when the run compares several.
/// </summary>
public static class LookOutcomes
{
    public static IReadOnlyList<LookOutcome> From(EngineRun run, IReadOnlyList<JobRunResult> results) =>
        [.. run.Spec.Looks.SelectMany(look => Of(run, look, [.. results.Where(r => r.Job.LookId == look.Id)]))];

    private static IEnumerable<LookOutcome> Of(EngineRun run, LookSpec look, IReadOnlyList<JobRunResult> results)
    {
        var images = results.Where(r => r.Job.Stage == StageKind.Image).ToList();
        if (images.Count == 0) return [Of(run, look, null, results)];
        return images.Select(image => Of(run, look, image, [.. results.Where(r => r.Job.InputJobId == image.Job.Id)]));
    }

    private static LookOutcome Of(EngineRun run, LookSpec look, JobRunResult? image, IReadOnlyList<JobRunResult> results)
    {
        if (image is { Image: null }) return new LookOutcome(look, null, [], image.Problem) { ImageModel = image.Job.ModelKey };
        var videos = results.Where(r => r.Video is not null).ToList();
        if (videos.Count == 0) return new LookOutcome(look, image?.Image, []) { ImageGate = image?.Gate, ImageModel = image?.Job.ModelKey };
        var frame = videos[0].FramePath!;
        return new LookOutcome(look, image?.Image, [.. run.Spec.Durations.Distinct()
            .Select(d => videos.Where(v => v.Job.RequestedDuration == d).Select(v => v.Video!).ToList())
            .Where(outcomes => outcomes.Count > 0)
            .Select(outcomes => new VideoStageResult(run.Stamp, frame, outcomes))]) { ImageGate = image?.Gate, ImageModel = image?.Job.ModelKey };
    }
}
