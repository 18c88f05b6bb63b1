using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// The Pareto view's points for image models: quality (the image-vote rating, or a fashion metric of the model's images),
/// $ per dressed image and seconds per dressed image. A try-on model makes a dressed image with a chain of calls, so
/// both count the whole chain: its jobs' cost over its finished images, and each finished image's steps' latencies summed.
/// </summary>
public static class ImageParetoPoints
{
    public static IReadOnlyList<ParetoPoint> Of(IReadOnlyList<JobRecord> jobs, RunReport report, PreferenceRanking ranking, string quality)
    {
        var images = jobs.Where(j => j.Stage == StageKind.Image).ToList();
        var byId = images.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var steps = DressedImages.StepsIn(images);
        var ratings = ranking.Ratings.ToDictionary(r => r.Model, r => r.Rating, StringComparer.Ordinal);
        var points = new List<ParetoPoint>();
        foreach (var model in report.Models.Where(m => m.Stage == StageKind.Image))
        {
            var mine = images.Where(j => j.ModelKey == model.ModelKey).ToList();
            var finished = mine.Where(j => j.State == JobState.Downloaded && !steps.Contains(j.Id)).ToList();
            double? value = quality == "rating"
                ? ratings.TryGetValue(model.ModelKey, out var r) ? r : null
                : QualityMetric.Find(quality) is { IsFashion: true } metric && model.Quality is { } q ? metric.Value(q) : null;
            if (value is null || finished.Count == 0) continue;
            // Reused results cost nothing and took no time at fal: they would flatter the model (as the recommendation has it).
            var fresh = finished.Where(j => j.CachedFromJobId is null).ToList();
            if (fresh.Count == 0) continue;
            var cost = mine.Where(j => j.CachedFromJobId is null).Sum(j => (double)(j.BilledUsd ?? j.ChargedUsd)) / fresh.Count;
            var latencies = fresh.Select(j => ChainLatency(j, byId)).OfType<double>().ToList();
            if (latencies.Count == 0) continue;
            points.Add(new ParetoPoint(model.ModelKey, value.Value, cost, latencies.Average()));
        }
        return points;
    }

    /// <summary>The seconds of every step that made <paramref name="image"/> (one for a plain edit model); null when one is unknown.</summary>
    private static double? ChainLatency(JobRecord image, IReadOnlyDictionary<string, JobRecord> byId)
    {
        var total = 0.0;
        for (JobRecord? step = image; step is not null; step = step.InputJobId is { } id ? byId.GetValueOrDefault(id) : null)
        {
            if (step.LatencySec is not { } seconds) return null;
            total += seconds;
        }
        return total;
    }
}
