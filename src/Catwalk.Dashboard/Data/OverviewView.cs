using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Recommendation;
using Catwalk.Runs.Reports;
using Catwalk.Runs.Sharing;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// What the overview shows for the filtered jobs: the headline numbers, the recommendation (video models and image
/// models), the small multiples (the HTML report's charts) and, per video model, the candidates for its best video.
/// </summary>
public sealed record OverviewView(
    OverviewStats Stats,
    RecommendationReport Recommendation,
    IReadOnlyList<ReportChart> Charts,
    IReadOnlyDictionary<string, IReadOnlyList<BestVideo>> BestVideos,
    int Votes,
    bool Measured)
{
    /// <summary>
    /// Fewer bootstrap resamples than <c>catwalk recommend</c>'s 1000: the overview computes its answer on every visit, and
    /// with 100,000 generations a thousand resamples take seconds. The scores are the same; the intervals are a little rougher.
    /// </summary>
    public const int Resamples = 200;

    /// <summary>Everything from jobs, report and votes already loaded: the recommendation is computed once here, not per model.</summary>
    public static OverviewView Build(IReadOnlyList<JobRecord> jobs, RunReport report, IReadOnlyList<VoteRecord> allVotes, DateTimeOffset now)
    {
        var options = new RecommendationOptions { Resamples = Resamples };
        var videos = jobs.Where(j => j.Stage == StageKind.Video).ToList();
        var images = jobs.Where(j => j.Stage == StageKind.Image).ToList();
        var videoIds = videos.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var imageIds = images.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        // A vote counts where its left job is among the filtered jobs, as the leaderboard and `catwalk recommend` count it:
        // votes on two videos rate video models, votes on two dressed images image models.
        var votes = allVotes.Where(v => videoIds.Contains(v.LeftJobId)).ToList();
        var imageVotes = allVotes.Where(v => imageIds.Contains(v.LeftJobId)).ToList();
        var recommendation = new RecommendationReport
        {
            GeneratedAt = now, Runs = report.Runs, Weights = options.Weights.ToString(), Seed = options.Seed,
            Video = videos.Count == 0 ? null : Recommender.Recommend(new RecommendationScope(StageKind.Video), ModelEvidenceBuilder.Of(videos, StageKind.Video), [.. votes.Select(Comparison.Of)], options),
            Image = images.Count == 0 ? null : Recommender.Recommend(new RecommendationScope(StageKind.Image), ModelEvidenceBuilder.Of(images, StageKind.Image), [.. imageVotes.Select(Comparison.Of)], options),
        };
        return new OverviewView(OverviewStats.Of(report), recommendation, ReportCharts.Of(report, recommendation, ModelPalette.Default),
            BestVideosOf(videos, votes), votes.Count, report.Models.Any(m => m.Quality is { Measured: > 0 } || m.Quality is { FashionMeasured: > 0 }));
    }

    /// <summary>Per model, its saved videos best first (most votes won over lost, then the newest).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<BestVideo>> BestVideosOf(IReadOnlyList<JobRecord> videos, IReadOnlyList<VoteRecord> votes)
    {
        var wins = new Dictionary<string, int>(StringComparer.Ordinal);
        var losses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vote in votes)
        {
            var (winner, loser) = vote.Outcome switch
            {
                VoteOutcome.Left => (vote.LeftJobId, vote.RightJobId),
                VoteOutcome.Right => (vote.RightJobId, vote.LeftJobId),
                _ => (null, null),
            };
            if (winner is null || loser is null) continue;
            wins[winner] = wins.GetValueOrDefault(winner) + 1;
            losses[loser] = losses.GetValueOrDefault(loser) + 1;
        }
        return videos.Where(j => j.State == JobState.Downloaded && j.FilePath is { Length: > 0 } && JobMedia.IsVideo(j))
            .GroupBy(j => j.ModelKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BestVideo>)[.. g.Select(j => new BestVideo(j, wins.GetValueOrDefault(j.Id), losses.GetValueOrDefault(j.Id)))
                .OrderByDescending(b => b.Wins - b.Losses).ThenByDescending(b => b.Job.CreatedAt).ThenBy(b => b.Job.Id, StringComparer.Ordinal)], StringComparer.Ordinal);
    }
}
