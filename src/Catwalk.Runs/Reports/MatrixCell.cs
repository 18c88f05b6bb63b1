namespace Catwalk.Runs.Reports;

/// <summary>
/// One cell of the image model × video model matrix: the videos a video model made from one image model's images (the
/// image's own latency and cost not included: they are the image model's line).
/// </summary>
public sealed record MatrixCell(string ImageModel, string VideoModel, int Jobs, int Succeeded, LatencyStats? Latency, decimal CostUsd)
{
    /// <summary>The cells of the jobs' videos, by the image model of the image each animates; empty when they all come from one image model.</summary>
    public static IReadOnlyList<MatrixCell> Of(IReadOnlyList<Store.JobRecord> jobs)
    {
        var images = jobs.Where(j => j.Stage == Domain.StageKind.Image).ToDictionary(j => j.Id, j => j.ModelKey, StringComparer.Ordinal);
        var videos = jobs.Where(j => j.Stage == Domain.StageKind.Video && j.InputJobId is { } input && images.ContainsKey(input)).ToList();
        if (videos.Select(v => images[v.InputJobId!]).Distinct().Count() < 2) return [];
        return [.. videos.GroupBy(v => (Image: images[v.InputJobId!], Video: v.ModelKey))
            .OrderBy(g => g.Key.Image, StringComparer.Ordinal).ThenBy(g => g.Key.Video, StringComparer.Ordinal)
            .Select(g =>
            {
                var done = g.Where(j => j.State == Store.JobState.Downloaded).ToList();
                return new MatrixCell(g.Key.Image, g.Key.Video, g.Count(), done.Count,
                    LatencyStats.Of(done.Where(j => j.CachedFromJobId is null && j.LatencySec is not null).Select(j => j.LatencySec!.Value)), g.Sum(j => j.ChargedUsd));
            })];
    }
}
