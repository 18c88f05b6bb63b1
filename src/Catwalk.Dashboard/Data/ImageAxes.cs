using System.Text.Json;
using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// Which image a job is about, for runs that compare image models and camera angles: an image job's own model and
/// angle; a video job's are those of the image it animates (its input job), else what its metadata or input key says.
/// </summary>
public static class ImageAxes
{
    /// <summary>The image model: an image job's model key; a video's input image job's model key, else its metadata's look.image_model.</summary>
    public static string? ImageModelOf(JobRecord job, IReadOnlyDictionary<string, JobRecord> runJobs) =>
        job.Stage == StageKind.Image ? job.ModelKey
        : InputImage(job, runJobs)?.ModelKey ?? LookField(job.MetadataJson, "image_model");

    /// <summary>The camera angle's word ("three-quarter"); null when the run asked for no angle.</summary>
    public static string? AngleOf(JobRecord job, IReadOnlyDictionary<string, JobRecord> runJobs)
    {
        if (LookField(job.MetadataJson, "angle") is { } stored) return stored;
        if (job.Stage != StageKind.Image && InputImage(job, runJobs) is { } image && AngleOf(image, runJobs) is { } imageAngle) return imageAngle;
        return AngleInKey(job);
    }

    public static JobRecord? InputImage(JobRecord job, IReadOnlyDictionary<string, JobRecord> runJobs) =>
        job.InputJobId is { } id && runJobs.TryGetValue(id, out var image) ? image : null;

    /// <summary>The angle as the last part of the input key after the look's id ("look/three-quarter", "look/model/side@5s").</summary>
    private static string? AngleInKey(JobRecord job)
    {
        var key = job.InputKey;
        var at = key.LastIndexOf('@');
        if (at >= 0) key = key[..at];
        if (job.LookId is { Length: > 0 } look)
        {
            // The look's id may hold slashes and end in a word like "front": only what follows it names the angle.
            if (!key.StartsWith(look + "/", StringComparison.Ordinal)) return null;
            key = key[(look.Length + 1)..];
        }
        else if (key.IndexOf('/') is var slash and >= 0) key = key[(slash + 1)..];
        else return null;
        var last = key[(key.LastIndexOf('/') + 1)..];
        return CameraAngles.Words.Contains(last, StringComparer.Ordinal) ? last : null;
    }

    private static string? LookField(string? metadataJson, string name)
    {
        if (string.IsNullOrWhiteSpace(metadataJson) || metadataJson.TrimStart() is not ['{', ..]) return null;
        try
        {
            using var doc = JsonDocument.Parse(metadataJson);
            return doc.RootElement.TryGetProperty("look", out var look) && look.ValueKind == JsonValueKind.Object
                && look.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
        }
        catch (JsonException) { return null; } // metadata is whatever the file held: not ours to trust
    }
}
