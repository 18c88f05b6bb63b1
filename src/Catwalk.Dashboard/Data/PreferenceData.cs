using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>Two videos (or two dressed images) of the same input, for a blind vote; <see cref="Key"/> identifies the two shown this way round, <see cref="Sides"/> the two models.</summary>
public sealed record VotePair(JobRecord Left, JobRecord Right, int Comparisons)
{
    /// <summary>What is compared: the two jobs' stage (a pair is always of one).</summary>
    public StageKind Stage => Left.Stage;

    public string Key => $"{Left.Id}|{Right.Id}";
    public string Sides => $"{Left.ModelKey}|{Right.ModelKey}";
}

/// <summary>
/// How far the votes are from a stable ranking. <see cref="Pairs"/>: the pairs of models that can be compared (they have
/// videos of one input); <see cref="PairsLeft"/>: those with fewer than <see cref="Target"/> votes (any outcome, both bad
/// included — the picker counts them the same way); <see cref="VotesLeft"/>: the votes still needed to bring every pair
/// to <see cref="Target"/>. Since the picker shows the least compared pair next, that many votes finish the round.
/// </summary>
public sealed record VoteProgress(int StoreVotes, int Pairs, int PairsLeft, int VotesLeft)
{
    public const int Target = 5;
}

/// <summary>What the leaderboard filters on: the look's setting and apparel (null: all), and which stage's votes it ranks (video models by default).</summary>
public sealed record PreferenceFilter(string? Setting = null, string? Apparel = null, StageKind Stage = StageKind.Video)
{
    public bool Matches(JobRecord? job) => Matches(job is null ? null : LookFacets.Of(job));

    /// <summary>Whether a video whose look has <paramref name="facets"/> (null: the video is gone) is kept.</summary>
    public bool Matches(LookFacets? facets)
    {
        if (Setting is null && Apparel is null) return true;
        if (facets is null) return false;
        return (Setting is null || facets.Setting == Setting) && (Apparel is null || facets.Apparel == Apparel);
    }
}

/// <summary>The leaderboard: ratings from the filtered votes, plus the values the filters offer.</summary>
public sealed record LeaderboardView(PreferenceRanking Ranking, IReadOnlyList<string> Settings, IReadOnlyList<string> Apparels);

/// <summary>Votes: choosing the next pair to show, saving a vote, ratings over the votes.</summary>
public sealed class PreferenceData(IRunJobStore store, IVoteStore voteStore, IJobStatistics statistics, TimeProvider time)
{
    /// <summary>
    /// The look of each voted video by job id: read from its metadata once (a saved video's metadata does not change),
    /// so the leaderboard reads only the votes' counts, not every video and its metadata, on each load.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LookFacets?> _facets = new(StringComparer.Ordinal);
    private const int KeptFacets = 500_000;

    /// <summary>
    /// The next pair to vote on: among inputs (run + input key) with downloaded videos from at least two models, the
    /// pair of models compared least so far (ties broken at random), on a random input they share, sides at random —
    /// but never the same two models the same way round as <paramref name="previous"/> (the same pair again is shown swapped).
    /// Null when no input has two models.
    /// </summary>
    public Task<VotePair?> NextPairAsync(VotePair? previous, Random random, CancellationToken ct = default) =>
        NextPairAsync(StageKind.Video, previous, random, ct);

    /// <summary>
    /// <see cref="NextPairAsync(VotePair?, Random, CancellationToken)"/> for one stage: videos, or dressed images
    /// (<see cref="VoteCandidates"/>: one look and angle, two image models), counting that stage's votes only.
    /// </summary>
    public async Task<VotePair?> NextPairAsync(StageKind stage, VotePair? previous, Random random, CancellationToken ct = default) =>
        Choose(await StateAsync(stage, ct), previous, random, pending: null);

    /// <summary>
    /// The pair to show after <paramref name="current"/> once its vote is stored, chosen while it is still on show so
    /// its videos can load meanwhile: the rule of <see cref="NextPairAsync(StageKind, VotePair?, Random, CancellationToken)"/> with <paramref name="current"/>'s two
    /// models counted one vote more (the vote about to be cast).
    /// </summary>
    public async Task<VotePair?> FollowingPairAsync(VotePair current, Random random, CancellationToken ct = default) =>
        Choose(await StateAsync(current.Stage, ct), current, random, pending: current);

    /// <summary>
    /// <paramref name="planned"/> with its models' vote count now, when it is still among the least compared pairs;
    /// null when it is not (another voter on a shared store voted meanwhile, or its videos are gone).
    /// </summary>
    public async Task<VotePair?> ConfirmAsync(VotePair planned, CancellationToken ct = default)
    {
        var state = await StateAsync(planned.Stage, ct);
        if (state.Candidates.Count == 0 || !state.Candidates.Any(c => c.A.Id == planned.Left.Id && c.B.Id == planned.Right.Id || c.A.Id == planned.Right.Id && c.B.Id == planned.Left.Id)) return null;
        var count = state.Count(planned.Left.ModelKey, planned.Right.ModelKey);
        return count == state.Candidates.Min(c => state.Count(c.A.ModelKey, c.B.ModelKey)) ? planned with { Comparisons = count } : null;
    }

    /// <summary>How far the votes are from a stable ranking: see <see cref="VoteProgress"/>.</summary>
    public Task<VoteProgress> ProgressAsync(CancellationToken ct = default) => ProgressAsync(StageKind.Video, ct);

    /// <summary>How far one stage's votes are from a stable ranking of its models.</summary>
    public async Task<VoteProgress> ProgressAsync(StageKind stage, CancellationToken ct = default)
    {
        var state = await StateAsync(stage, ct);
        var pairs = state.Candidates.Select(c => PairKey(c.A.ModelKey, c.B.ModelKey)).Distinct(StringComparer.Ordinal).Select(k => state.Counts.GetValueOrDefault(k)).ToList();
        return new VoteProgress(state.Total, pairs.Count, pairs.Count(n => n < VoteProgress.Target), pairs.Sum(n => Math.Max(0, VoteProgress.Target - n)));
    }

    private async Task<VoteState> StateAsync(StageKind stage, CancellationToken ct)
    {
        var jobs = await store.QueryJobsAsync(new JobQuery { Stage = stage, Limit = 100_000 }, ct);
        var candidates = VoteCandidates.Of(stage, jobs);
        // The stage's own votes: an image pair's count must not be raised by votes on two videos of the same models' names.
        var votes = await voteStore.GetVotesAsync(new VoteQuery { Stage = stage }, ct);
        var counts = votes.GroupBy(v => PairKey(v.LeftModel, v.RightModel)).ToDictionary(g => g.Key, g => g.Count());
        return new VoteState(candidates, counts, votes.Count);
    }

    private static VotePair? Choose(VoteState state, VotePair? previous, Random random, VotePair? pending)
    {
        if (state.Candidates.Count == 0) return null;
        var pendingKey = pending is null ? null : PairKey(pending.Left.ModelKey, pending.Right.ModelKey);
        int Count((JobRecord A, JobRecord B) c)
        {
            var key = PairKey(c.A.ModelKey, c.B.ModelKey);
            return state.Counts.GetValueOrDefault(key) + (key == pendingKey ? 1 : 0);
        }
        var fewest = state.Candidates.Min(Count);
        var least = state.Candidates.Where(c => Count(c) == fewest).ToList();
        var (a, b) = least[random.Next(least.Count)];
        var pair = random.Next(2) == 0 ? new VotePair(a, b, fewest) : new VotePair(b, a, fewest);
        return pair.Sides == previous?.Sides ? new VotePair(pair.Right, pair.Left, fewest) : pair;
    }

    private sealed record VoteState(IReadOnlyList<(JobRecord A, JobRecord B)> Candidates, IReadOnlyDictionary<string, int> Counts, int Total)
    {
        public int Count(string a, string b) => Counts.GetValueOrDefault(PairKey(a, b));
    }

    public Task SaveVoteAsync(VotePair pair, string outcome, string? voter = null, CancellationToken ct = default) =>
        voteStore.AddVoteAsync(new VoteRecord
        {
            Id = Guid.CreateVersion7().ToString("N"), CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            RunId = pair.Left.RunId, InputKey = pair.Left.InputKey, LeftJobId = pair.Left.Id, RightJobId = pair.Right.Id,
            LeftModel = pair.Left.ModelKey, RightModel = pair.Right.ModelKey, Outcome = outcome, Voter = voter, Stage = pair.Stage,
        }, ct);

    public Task<IReadOnlyList<VoteRecord>> VotesAsync(CancellationToken ct = default) => voteStore.GetVotesAsync(null, ct);

    /// <summary>
    /// Ratings over the votes <paramref name="filter"/> keeps, fitted from the votes counted by the database (per pair
    /// of models, outcome and left video) rather than from every vote and video.
    /// </summary>
    public async Task<LeaderboardView> LeaderboardAsync(PreferenceFilter filter, CancellationToken ct = default)
    {
        var tallies = await voteStore.TallyVotesAsync(filter.Stage, ct);
        var facets = await FacetsAsync([.. tallies.Select(t => t.LeftJobId).Distinct(StringComparer.Ordinal)], ct);
        var voted = tallies.Select(t => facets.GetValueOrDefault(t.LeftJobId)).OfType<LookFacets>().ToList();
        static IReadOnlyList<string> Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        // In a fixed order (models, outcome), so the bootstrap's seeded resampling gives a page the same intervals every time.
        var counts = tallies.Where(t => filter.Matches(facets.GetValueOrDefault(t.LeftJobId)))
            .GroupBy(t => (t.LeftModel, t.RightModel, t.Outcome))
            .OrderBy(g => g.Key.LeftModel, StringComparer.Ordinal).ThenBy(g => g.Key.RightModel, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal)
            .Select(g => (Vote: new Comparison(g.Key.LeftModel, g.Key.RightModel, g.Key.Outcome), Count: g.Sum(t => t.Votes)))
            .ToList();
        return new LeaderboardView(Rank(filter, counts), Distinct(voted.Select(f => f.Setting)), Distinct(voted.Select(f => f.Apparel)));
    }

    /// <summary>
    /// The fit over these counts: its 1,000 bootstrap refits cost about as much as the rest of the page, so the last fit
    /// of each filter is kept with the counts it was made from and reused while they are the same (the fit is seeded:
    /// the same counts give the same ranking). Any new vote changes the counts, so nothing stale is shown.
    /// </summary>
    private PreferenceRanking Rank(PreferenceFilter filter, IReadOnlyList<(Comparison Vote, int Count)> counts)
    {
        var key = string.Join(";", counts.Select(c => $"{c.Vote.Left}|{c.Vote.Right}|{c.Vote.Outcome}|{c.Count}"));
        if (_rankings.TryGetValue(filter, out var kept) && kept.Key == key) return kept.Ranking;
        var ranking = BradleyTerry.Rank([.. counts.SelectMany(c => Enumerable.Repeat(c.Vote, c.Count))]);
        if (_rankings.Count > KeptRankings) _rankings.Clear();
        _rankings[filter] = (key, ranking);
        return ranking;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<PreferenceFilter, (string Key, PreferenceRanking Ranking)> _rankings = new();
    private const int KeptRankings = 64;

    /// <summary>The looks of <paramref name="jobIds"/> (absent: the job is gone), from the cache or read once from the store.</summary>
    private async Task<IReadOnlyDictionary<string, LookFacets?>> FacetsAsync(IReadOnlyList<string> jobIds, CancellationToken ct)
    {
        var missing = jobIds.Where(id => !_facets.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            if (_facets.Count + missing.Count > KeptFacets) _facets.Clear();
            foreach (var (id, setting, metadata) in await statistics.LookSourcesAsync(missing, ct))
                _facets[id] = LookFacets.Of(new JobRecord { Id = id, RunId = "", Stage = StageKind.Video, ModelKey = "", EndpointId = "", InputKey = "", SettingId = setting, MetadataJson = metadata });
        }
        var found = new Dictionary<string, LookFacets?>(StringComparer.Ordinal);
        foreach (var id in jobIds)
            if (_facets.TryGetValue(id, out var facets)) found[id] = facets;
        return found;
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
