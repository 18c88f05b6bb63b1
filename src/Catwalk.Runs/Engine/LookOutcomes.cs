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
        // In the order the run asked for them (the store lists jobs by id, not by plan).
        var models = run.Spec.ImageModelKeys();
        // A try-on chain's earlier steps feed its last one: the look's image is the last.
        var steps = results.Where(r => r.Job.Stage == StageKind.Image && r.Job.InputJobId is not null).Select(r => r.Job.InputJobId!).ToHashSet(StringComparer.Ordinal);
        var images = results.Where(r => r.Job.Stage == StageKind.Image && !steps.Contains(r.Job.Id))
            .OrderBy(r => IndexOf(models, r.Job.ModelKey))
            .ThenBy(r => Planning.InputKeys.AngleOf(run.Spec, r.Job.InputKey) is { } angle ? IndexOf(run.Spec.Angles, angle) : 0).ToList();
        if (images.Count == 0) return [Of(run, look, null, results)];
        return images.Select(image => Of(run, look, image, [.. results.Where(r => r.Job.InputJobId == image.Job.Id)]));
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
            if (EqualityComparer<T>.Default.Equals(list[i], item)) return i;
        return list.Count;
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
