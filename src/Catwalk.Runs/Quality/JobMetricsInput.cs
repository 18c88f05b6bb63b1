using Catwalk.Domain;
using System.Text.Json;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Quality;

/// <summary>What measuring one stored video needs: its file, the image it was made from, what was asked of it, and its look's references.</summary>
public sealed record JobMetricsInput(string VideoPath, string? InputImage, VideoExpectation Expected, FashionReferences Fashion)
{
    /// <summary>From a downloaded video job, its run's outputs folder and (for fashion metrics) the run's spec; null when the job has no file on disk.</summary>
    public static JobMetricsInput? From(JobRecord job, string outputRoot, RunSpec? spec = null)
    {
        if (job.Stage != StageKind.Video || job.State != JobState.Downloaded || job.FilePath is not { } file) return null;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(outputRoot, file);
        if (!File.Exists(path)) return null;
        string? image = null;
        double? duration = job.RequestedDuration;
        bool? audio = null;
        if (job.MetadataJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.TryGetProperty("reference_image", out var r) && r.ValueKind == JsonValueKind.String && File.Exists(r.GetString())) image = r.GetString();
            // The duration the model was sent (after fitting) is what its video should last.
            if (root.TryGetProperty("duration_sec", out var d) && d.ValueKind == JsonValueKind.Number) duration = d.GetDouble();
            if (root.TryGetProperty("audio", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False) audio = a.GetBoolean();
        }
        return new JobMetricsInput(path, image, new VideoExpectation { DurationSec = duration, Audio = audio }, ReferencesOf(job, spec));
    }

    /// <summary>The look's face (else person) picture and outfit pictures that are still on disk.</summary>
    public static FashionReferences ReferencesOf(JobRecord job, RunSpec? spec)
    {
        if (spec?.Looks.FirstOrDefault(l => l.Id == job.LookId) is not { } look) return FashionReferences.None;
        static string? Existing(string? p) => p is not null && File.Exists(p) ? p : null;
        return new FashionReferences(Existing(look.FaceImage), Existing(look.PersonImage), [.. look.OutfitImages.Where(File.Exists)]);
    }
}
