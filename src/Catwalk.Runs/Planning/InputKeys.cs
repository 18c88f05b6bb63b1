using System.Text.RegularExpressions;
using Catwalk.Domain;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Planning;

/// <summary>
/// How a run's jobs are named (the one input-key builder): the image job of a look by the look's id, its video jobs by look and duration.
/// File tags keep several looks' files apart in the seed's layout; a one-look run keeps the seed's names.
/// </summary>
public static partial class InputKeys
{
    /// <param name="angle">The camera angle of this image, when the run asks for angles.</param>
    public static string Image(LookSpec look, CameraAngle? angle = null) => angle is { } a ? $"{look.Id}/{a.Word()}" : look.Id;

    /// <param name="imageModel">The image model whose image it animates, when the run compares several (<see cref="RunSpec.ComparesImageModels"/>).</param>
    /// <param name="angle">The camera angle of that image, when the run asks for angles.</param>
    /// <param name="turnaround">The look's extra 360° turn video (<see cref="RunSpec.Turnaround"/>).</param>
    public static string Video(LookSpec look, int? duration, string? imageModel = null, CameraAngle? angle = null, bool turnaround = false) =>
        $"{look.Id}{(imageModel is null ? "" : $"/{imageModel}")}{(angle is { } a ? $"/{a.Word()}" : "")}{(turnaround ? $"/{TurnaroundPart}" : "")}@{(duration is { } d ? $"{d}s" : "default")}";

    private const string TurnaroundPart = "turnaround";

    /// <summary>Whether a video job is a look's 360° turn (its prompt asks for the turn).</summary>
    public static bool IsTurnaround(string videoInputKey) => videoInputKey.Contains($"/{TurnaroundPart}@", StringComparison.Ordinal);

    /// <summary>The camera angle an image job of <paramref name="spec"/> shoots (the last part of its input key); null when the run has no angles.</summary>
    public static CameraAngle? AngleOf(RunSpec spec, string imageInputKey) =>
        spec.Angles.Count == 0 ? null : spec.Angles.FirstOrDefault(a => imageInputKey.EndsWith("/" + a.Word(), StringComparison.Ordinal));

    public static string? ImageTag(RunSpec spec, LookSpec look, CameraAngle? angle = null) =>
        spec.Looks.Count == 1 ? (angle is { } a ? a.Word() : null) : Slug(Image(look, angle));

    public static string? VideoTag(RunSpec spec, LookSpec look, int? duration, string? imageModel = null, CameraAngle? angle = null, bool turnaround = false) =>
        spec.Looks.Count == 1 && spec.Durations.Count == 1 && imageModel is null && angle is null && !turnaround ? null
        : Slug(spec.Looks.Count == 1 ? Video(look, duration, imageModel, angle, turnaround)[(look.Id.Length + 1)..] : Video(look, duration, imageModel, angle, turnaround));

    /// <summary>
    /// A run holds one job per stage, model and input, but the original tool may have animated one image with one
    /// model many times: repeats get "#2", "#3"… so every imported file keeps its own job.
    /// </summary>
    public static List<JobRecord> MakeUnique(IReadOnlyList<JobRecord> jobs)
    {
        var taken = new HashSet<(StageKind, string, string)>();
        var unique = new List<JobRecord>(jobs.Count);
        foreach (var job in jobs)
        {
            var key = job.InputKey;
            for (var n = 2; !taken.Add((job.Stage, job.ModelKey, key)); n++) key = $"{job.InputKey} #{n}";
            unique.Add(key == job.InputKey ? job : job with { InputKey = key });
        }
        return unique;
    }

    private static string Slug(string text) => NotSafe().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSafe();
}
