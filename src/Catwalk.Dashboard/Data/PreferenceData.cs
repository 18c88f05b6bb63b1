using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>Two videos of the same input, for a blind vote; <see cref="Key"/> identifies the two videos shown this way round, <see cref="Sides"/> the two models.</summary>
public sealed record VotePair(JobRecord Left, JobRecord Right, int Comparisons)
{
    public string Key => $"{Left.Id}|{Right.Id}";
    public string Sides => $"{Left.ModelKey}|{Right.ModelKey}";
}

/// <summary>What the leaderboard filters on: the look's setting and apparel (null: all).</summary>
public sealed record PreferenceFilter(string? Setting = null, string? Apparel = null)
{
    public bool Matches(JobRecord? job)
    {
        if (Setting is null && Apparel is null) return true;
        if (job is null) return false;
        var facets = LookFacets.Of(job);
        return (Setting is null || facets.Setting == Setting) && (Apparel is null || facets.Apparel == Apparel);
    }
}

/// <summary>The leaderboard: ratings from the filtered votes, plus the values the filters offer.</summary>
public sealed record LeaderboardView(PreferenceRanking Ranking, IReadOnlyList<string> Settings, IReadOnlyList<string> Apparels);

/// <summary>Votes: choosing the next pair to show, saving a vote, ratings over the votes.</summary>
public sealed class PreferenceData(IRunJobStore store, IVoteStore voteStore, TimeProvider time)
{
    /// <summary>
    /// The next pair to vote on: among inputs (run + input key) with downloaded videos from at least two models, the
    /// pair of models compared least so far (ties broken at random), on a random input they share, sides at random —
    /// but never the same two models the same way round as <paramref name="previous"/> (the same pair again is shown swapped).
    /// Null when no input has two models.
    /// </summary>
    public async Task<VotePair?> NextPairAsync(VotePair? previous, Random random, CancellationToken ct = default)
    {
        var jobs = await store.QueryJobsAsync(new JobQuery { Stage = StageKind.Video, Limit = 100_000 }, ct);
        var candidates = new List<(JobRecord A, JobRecord B)>();
        foreach (var group in CompareGroup.Of(jobs))
        {
            // One video per model of an input: its newest.
            var videos = group.Videos.GroupBy(j => j.ModelKey).Select(g => g.MaxBy(j => j.CreatedAt)!).ToList();
            for (var i = 0; i < videos.Count; i++)
                for (var j = i + 1; j < videos.Count; j++)
                    candidates.Add((videos[i], videos[j]));
        }
        if (candidates.Count == 0) return null;
        var counts = (await voteStore.GetVotesAsync(null, ct)).GroupBy(v => PairKey(v.LeftModel, v.RightModel)).ToDictionary(g => g.Key, g => g.Count());
        int Count((JobRecord A, JobRecord B) c) => counts.GetValueOrDefault(PairKey(c.A.ModelKey, c.B.ModelKey));
        var fewest = candidates.Min(Count);
        var least = candidates.Where(c => Count(c) == fewest).ToList();
        var (a, b) = least[random.Next(least.Count)];
        var pair = random.Next(2) == 0 ? new VotePair(a, b, fewest) : new VotePair(b, a, fewest);
        return pair.Sides == previous?.Sides ? new VotePair(pair.Right, pair.Left, fewest) : pair;
    }

    public Task SaveVoteAsync(VotePair pair, string outcome, string? voter = null, CancellationToken ct = default) =>
        voteStore.AddVoteAsync(new VoteRecord
        {
            Id = Guid.CreateVersion7().ToString("N"), CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            RunId = pair.Left.RunId, InputKey = pair.Left.InputKey, LeftJobId = pair.Left.Id, RightJobId = pair.Right.Id,
            LeftModel = pair.Left.ModelKey, RightModel = pair.Right.ModelKey, Outcome = outcome, Voter = voter,
        }, ct);

    public Task<IReadOnlyList<VoteRecord>> VotesAsync(CancellationToken ct = default) => voteStore.GetVotesAsync(null, ct);

    public async Task<LeaderboardView> LeaderboardAsync(PreferenceFilter filter, CancellationToken ct = default)
    {
        var votes = await voteStore.GetVotesAsync(null, ct);
        var jobs = (await store.QueryJobsAsync(new JobQuery { Stage = StageKind.Video, Limit = 100_000 }, ct)).ToDictionary(j => j.Id, StringComparer.Ordinal);
        var facets = votes.Select(v => jobs.GetValueOrDefault(v.LeftJobId)).OfType<JobRecord>().Select(LookFacets.Of).ToList();
        static IReadOnlyList<string> Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var kept = votes.Where(v => filter.Matches(jobs.GetValueOrDefault(v.LeftJobId))).Select(Comparison.Of).ToList();
        return new LeaderboardView(BradleyTerry.Rank(kept), Distinct(facets.Select(f => f.Setting)), Distinct(facets.Select(f => f.Apparel)));
    }

    /// <summary>One point per model with a quality value, a cost per video second and a latency; <paramref name="quality"/> is "rating" or a metric of <see cref="QualityMetric"/>.</summary>
    public static IReadOnlyList<ParetoPoint> Points(RunReport report, PreferenceRanking ranking, string quality)
    {
        var ratings = ranking.Ratings.ToDictionary(r => r.Model, r => r.Rating, StringComparer.Ordinal);
        var points = new List<ParetoPoint>();
        foreach (var model in report.Models.Where(m => m.Stage == StageKind.Video))
        {
            double? value = quality == "rating"
                ? ratings.TryGetValue(model.ModelKey, out var r) ? r : null
                : QualityMetric.Find(quality) is { } metric && model.Quality is { } q ? metric.Value(q) : null;
            if (value is null || model.CostPerVideoSecondUsd is null || model.Latency is null) continue;
            points.Add(new ParetoPoint(model.ModelKey, value.Value, (double)model.CostPerVideoSecondUsd.Value, model.Latency.Avg));
        }
        return points;
    }

    /// <summary>
    /// The Pareto front of <paramref name="points"/> with <paramref name="quality"/>'s direction respected: a
    /// lower-is-better axis (garment ΔE, frozen fraction, …) is negated, so "better" points up for the front.
    /// </summary>
    public static IReadOnlySet<string> Front(IReadOnlyList<ParetoPoint> points, string quality)
    {
        var lowerIsBetter = QualityMetric.Find(quality) is { HigherIsBetter: false };
        return ParetoFront.NonDominated([.. points.Select(p => lowerIsBetter ? p with { Quality = -p.Quality } : p)]);
    }

    private static string PairKey(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";
}
