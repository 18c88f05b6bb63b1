using Catwalk.Domain;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Gate;

/// <summary>
/// Measures a downloaded image for the gate (or reads what is stored: a resume, another worker, <c>catwalk metrics</c>),
/// stores what it measured as the image's metrics, and judges it. What could not be measured is not stored, so the next
/// attempt measures again.
/// </summary>
public static class ImageGateCheck
{
    public static async Task<ImageGateVerdict> RunAsync(IRunJobStore store, JobRecord image, string outputRoot, RunSpec spec, CancellationToken cancellationToken)
    {
        var angle = Planning.InputKeys.AngleOf(spec, image.InputKey);
        if (MetricsJson.DeserializeFashion(image.MetricsJson) is { FramesSampled: > 0 } stored) return ImageGate.Judge(stored, angle);
        if (image is not { Stage: StageKind.Image, State: JobState.Downloaded, FilePath: { } file })
            return new(ImageGateOutcome.Unmeasured, [$"the image job is {JobStateMachine.Name(image.State)}, not downloaded"], [], null);
        var path = Path.IsPathRooted(file) ? file : Path.Combine(outputRoot, file);
        if (!File.Exists(path)) return new(ImageGateOutcome.Unmeasured, [$"the image {file} is not on disk"], [], null);
        var references = JobMetricsInput.ReferencesOf(image, spec);
        var metrics = await FashionMeasurement.MeasureImageAsync(path, new FashionOptions(references), cancellationToken).ConfigureAwait(false);
        if (metrics.FramesSampled > 0) await store.SaveMetricsAsync(image.Id, MetricsJson.SerializeImage(metrics), CancellationToken.None).ConfigureAwait(false);
        return ImageGate.Judge(metrics, angle);
    }
}
