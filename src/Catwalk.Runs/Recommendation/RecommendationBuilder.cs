using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// Stored jobs and votes → a <see cref="RecommendationReport"/>. A vote belongs to the scope its left job is in (as the
/// leaderboard's filters have it): votes on two videos to the video scopes, votes on two dressed images to the image
/// scope — a vote's two sides are always one stage (the store refuses a mixed pair), so neither stage's votes can rate the
/// other's models. Per-setting and per-apparel answers are given only when the videos' looks have at least two different
/// values of it (else they would repeat the overall answer).
/// </summary>
public static class RecommendationBuilder
{
    public static RecommendationReport Build(IReadOnlyList<JobRecord> jobs, IReadOnlyList<VoteRecord> votes, RecommendationOptions options, IReadOnlyList<string> runs, DateTimeOffset now)
    {
        var videos = jobs.Where(j => j.Stage == StageKind.Video).ToList();
        var images = jobs.Where(j => j.Stage == StageKind.Image).ToList();
        var tags = videos.ToDictionary(j => j.Id, LookTags.Of, StringComparer.Ordinal);
        return new RecommendationReport
        {
            GeneratedAt = now, Runs = runs, Weights = options.Weights.ToString(), MinIdentity = options.MinIdentity, MinFullBody = options.MinFullBody, Seed = options.Seed,
            Video = videos.Count == 0 ? null : For(new RecommendationScope(StageKind.Video), videos, votes, options),
            BySetting = PerTag(ScopeKind.Setting, videos, votes, tags, t => t.Setting, options),
            ByApparel = PerTag(ScopeKind.Apparel, videos, votes, tags, t => t.Apparel, options),
            Image = images.Count == 0 ? null : For(new RecommendationScope(StageKind.Image), images, votes, options),
        };
    }

    private static IReadOnlyList<Recommendation> PerTag(ScopeKind kind, List<JobRecord> videos, IReadOnlyList<VoteRecord> votes, Dictionary<string, LookTags> tags, Func<LookTags, string?> tag, RecommendationOptions options)
    {
        var values = videos.Select(j => tag(tags[j.Id])).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (values.Count < 2) return [];
        return [.. values.Select(value => For(new RecommendationScope(StageKind.Video, kind, value), [.. videos.Where(j => tag(tags[j.Id]) == value)], votes, options))];
    }

    private static Recommendation For(RecommendationScope scope, IReadOnlyList<JobRecord> jobs, IReadOnlyList<VoteRecord> votes, RecommendationOptions options)
    {
        var ids = jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var mine = votes.Where(v => ids.Contains(v.LeftJobId)).Select(Comparison.Of).ToList();
        return Recommender.Recommend(scope, ModelEvidenceBuilder.Of(jobs, scope.Stage), mine, options);
    }
}
