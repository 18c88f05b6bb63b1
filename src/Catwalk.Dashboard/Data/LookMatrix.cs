using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// A look of a run at one duration as a matrix: one row per image of the look (image model × angle, in plan order),
/// one column per video model, each cell that model's video of that row's image. The key is the look's id and the
/// duration (<c>look@5s</c>), which for a run of one image is also its videos' input key, so older compare links
/// still name the same page; a video's own input key (<c>look/seedream-edit/front@5s</c>) names its look's matrix.
/// </summary>
public sealed record LookMatrix(string RunId, string Key, string LookId, IReadOnlyList<string> VideoModels, IReadOnlyList<MatrixRow> Rows)
{
    public string Url => UrlOf(RunId, Key);

    /// <summary>True for the matrix of a look's 360° turn videos (<c>--turnaround</c>).</summary>
    public bool IsTurnaround => IsTurnaroundKey(Key);

    /// <summary>"sample/jacket/studio · 360° turnaround", or the look's id.</summary>
    public string Title => IsTurnaround ? $"{LookId} · 360° turnaround" : LookId;

    /// <summary>The key of the other matrix of this look at this duration: its turnaround's, or (from a turnaround) the look's own.</summary>
    public string CounterpartKey => CounterpartOf(Key);

    public static bool IsTurnaroundKey(string key) =>
        (key.LastIndexOf('@') is var at and >= 0 ? key[..at] : key).EndsWith(TurnaroundPart, StringComparison.Ordinal);

    public static string CounterpartOf(string key)
    {
        var at = key.LastIndexOf('@');
        var (look, suffix) = at >= 0 ? (key[..at], key[at..]) : (key, "");
        return (look.EndsWith(TurnaroundPart, StringComparison.Ordinal) ? look[..^TurnaroundPart.Length] : look + TurnaroundPart) + suffix;
    }

    public static string UrlOf(string runId, string key) => $"compare/{Uri.EscapeDataString(runId)}/{Uri.EscapeDataString(key)}";

    /// <summary>The part of a look's 360° turn video's input key before the duration: its own matrix, not the look's other videos' cells.</summary>
    public const string TurnaroundPart = "/turnaround";

    /// <summary>
    /// The matrix key of a video job: its look's id (or its input key's part before '@') and the duration after it;
    /// a turnaround video's look id carries <see cref="TurnaroundPart"/> (it animates the same image as the look's front video).
    /// </summary>
    public static string KeyOf(JobRecord video)
    {
        var at = video.InputKey.LastIndexOf('@');
        var suffix = at >= 0 ? video.InputKey[at..] : "";
        var turnaround = at >= 0 && video.InputKey[..at].EndsWith(TurnaroundPart, StringComparison.Ordinal) && video.LookId is { Length: > 0 } ? TurnaroundPart : "";
        return (video.LookId is { Length: > 0 } look ? look + turnaround : at >= 0 ? video.InputKey[..at] : video.InputKey) + suffix;
    }

    /// <summary>The matrix that <paramref name="key"/> names among a run's jobs; null when no video of the run belongs to it.</summary>
    /// <param name="imageModels">The run's image models in the order it asked for them (rows follow it; else by name).</param>
    /// <param name="angles">The run's angles in the order it asked for them (else front, three-quarter, side, back).</param>
    public static LookMatrix? Of(string runId, string key, IReadOnlyList<JobRecord> runJobs, IReadOnlyList<string>? imageModels = null, IReadOnlyList<string>? angles = null)
    {
        // A video's own input key names its look's matrix.
        if (runJobs.FirstOrDefault(j => j.Stage == StageKind.Video && j.InputKey == key) is { } named) key = KeyOf(named);
        var videos = runJobs.Where(j => j.Stage == StageKind.Video && KeyOf(j) == key).ToList();
        if (videos.Count == 0) return null;
        var lookId = videos[0].LookId is { Length: > 0 } id ? id : key[..Math.Max(0, key.LastIndexOf('@') is var at and >= 0 ? at : key.Length)];
        var byId = runJobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var images = runJobs.Where(j => j.Stage == StageKind.Image && (j.LookId == lookId || (j.LookId is null && (j.InputKey == lookId || j.InputKey.StartsWith(lookId + "/", StringComparison.Ordinal))))).ToList();
        var models = videos.Select(v => v.ModelKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var rows = new List<MatrixRow>();
        foreach (var image in images)
        {
            var own = videos.Where(v => v.InputJobId == image.Id).ToList();
            if (own.Count == 0 && images.Count > 1) continue; // an image of the look at another duration only
            rows.Add(Row(image, own, models, byId));
        }
        // Videos that name no image of the look (imports, older rows): with one image they are its videos; else a row of their own.
        var placed = rows.SelectMany(r => r.Cells).Select(c => c.Job?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var orphans = videos.Where(v => !placed.Contains(v.Id)).ToList();
        if (orphans.Count > 0)
        {
            if (rows.Count == 1 && rows[0].Image is { } only && rows[0].Cells.All(c => c.Job is null))
                rows[0] = Row(only, orphans, models, byId);
            else rows.Add(new MatrixRow(null, orphans.Select(v => ImageAxes.ImageModelOf(v, byId)).FirstOrDefault(m => m is not null), ImageAxes.AngleOf(orphans[0], byId),
                [.. models.Select(m => new MatrixCell(m, Best(orphans.Where(v => v.ModelKey == m))))]));
        }
        // The store keeps jobs in id order, not the plan's: rows in the order the run asked for its image models and angles.
        static int Rank(IReadOnlyList<string> order, string? value) => value is null ? -1 : order.ToList().IndexOf(value) is var i and >= 0 ? i : order.Count;
        var modelOrder = imageModels ?? [.. rows.Select(r => r.ImageModel).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var angleOrder = angles is { Count: > 0 } ? angles : CameraAngles.Words;
        rows = [.. rows.OrderBy(r => r.Image is null).ThenBy(r => Rank(modelOrder, r.ImageModel)).ThenBy(r => r.ImageModel, StringComparer.Ordinal).ThenBy(r => Rank(angleOrder, r.Angle))];
        return new LookMatrix(runId, key, lookId, models, rows);
    }

    private static MatrixRow Row(JobRecord image, IReadOnlyList<JobRecord> videos, IReadOnlyList<string> models, IReadOnlyDictionary<string, JobRecord> byId) =>
        new(image, image.ModelKey, ImageAxes.AngleOf(image, byId), [.. models.Select(m => new MatrixCell(m, Best(videos.Where(v => v.ModelKey == m))))]);

    /// <summary>One job per cell: a downloaded one when there is (an import may hold repeats), else the latest.</summary>
    private static JobRecord? Best(IEnumerable<JobRecord> jobs) =>
        jobs.OrderByDescending(j => j.State == JobState.Downloaded).ThenByDescending(j => j.UpdatedAt).FirstOrDefault();
}
