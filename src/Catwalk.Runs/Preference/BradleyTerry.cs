using Catwalk.Store;

namespace Catwalk.Runs.Preference;

/// <summary>One pairwise comparison: two models and the outcome from the left one's point of view (<see cref="VoteOutcome"/>).</summary>
public sealed record Comparison(string Left, string Right, string Outcome)
{
    public static Comparison Of(VoteRecord vote) => new(vote.LeftModel, vote.RightModel, vote.Outcome);
}

/// <summary>A model's Bradley–Terry rating (Elo-like scale: 1000 is the geometric-mean model, +400 means 10:1 odds) with its bootstrap interval.</summary>
public sealed record ModelRating
{
    public required string Model { get; init; }
    public double Rating { get; init; }
    /// <summary>2.5th percentile of the bootstrap ratings.</summary>
    public double Lower { get; init; }
    /// <summary>97.5th percentile of the bootstrap ratings.</summary>
    public double Upper { get; init; }
    /// <summary>Every vote the model was in, both-bad ones included.</summary>
    public int Votes { get; init; }
    public int Wins { get; init; }
    public int Losses { get; init; }
    public int Ties { get; init; }
    public int BothBad { get; init; }
}

/// <summary>Ratings best first, and the win-rate matrix: <c>WinRate[i][j]</c> is how often <c>Models[i]</c> beat <c>Models[j]</c> (ties half), null without games.</summary>
public sealed record PreferenceRanking(IReadOnlyList<ModelRating> Ratings, IReadOnlyList<string> Models, IReadOnlyList<IReadOnlyList<double?>> WinRate, int Votes, int Resamples);

/// <summary>
/// Bradley–Terry ratings from pairwise votes, fitted with Hunter's MM algorithm. A win counts 1 to the winner; a tie
/// counts half to each; a "both bad" vote says nothing about which is better, so it is left out of the fit (and
/// counted per model as <see cref="ModelRating.BothBad"/>). Each model also plays one virtual tie against a fixed
/// reference of strength 1 — a weak prior that keeps ratings finite when a model has only won (or only lost).
/// Confidence intervals: the votes are resampled with replacement <c>resamples</c> times from a seeded generator
/// (so a page shows the same numbers every time) and refitted; the interval is the 2.5th–97.5th percentile.
/// </summary>
public static class BradleyTerry
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 20_250_314;
    private const int MaxIterations = 2000;
    private const double Tolerance = 1e-10;

    public static PreferenceRanking Rank(IReadOnlyList<Comparison> votes, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        foreach (var vote in votes)
            if (!VoteOutcome.IsValid(vote.Outcome)) throw new ArgumentException($"Unknown outcome '{vote.Outcome}'.", nameof(votes));
        var models = votes.SelectMany(v => new[] { v.Left, v.Right }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = models.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        var pairs = votes.Select(v => (L: index[v.Left], R: index[v.Right], v.Outcome)).ToList();

        var ratings = Fit(models.Count, pairs);
        var samples = new double[models.Count][];
        for (var i = 0; i < models.Count; i++) samples[i] = new double[resamples];
        // The fit reads only how often each (left, right, outcome) occurs, so a resample is drawn as those counts: the
        // same draws from the same seed as resampling the votes themselves (so the same intervals), without building
        // a list of 20,000 votes a thousand times over.
        var cells = pairs.Distinct().ToList();
        var cellIndex = cells.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var cellOf = pairs.Select(p => cellIndex[p]).ToArray();
        var counts = new int[cells.Count];
        var random = new Random(seed);
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(counts);
            for (var k = 0; k < pairs.Count; k++) counts[cellOf[random.Next(pairs.Count)]]++;
            var fit = Fit(models.Count, cells, counts);
            for (var i = 0; i < models.Count; i++) samples[i][b] = fit[i];
        }

        var result = new List<ModelRating>();
        for (var i = 0; i < models.Count; i++)
        {
            var mine = pairs.Where(p => p.L == i || p.R == i).ToList();
            Array.Sort(samples[i]);
            result.Add(new ModelRating
            {
                Model = models[i],
                Rating = ratings[i],
                Lower = resamples > 0 ? Percentile(samples[i], 0.025) : ratings[i],
                Upper = resamples > 0 ? Percentile(samples[i], 0.975) : ratings[i],
                Votes = mine.Count,
                Wins = mine.Count(p => (p.L == i && p.Outcome == VoteOutcome.Left) || (p.R == i && p.Outcome == VoteOutcome.Right)),
                Losses = mine.Count(p => (p.L == i && p.Outcome == VoteOutcome.Right) || (p.R == i && p.Outcome == VoteOutcome.Left)),
                Ties = mine.Count(p => p.Outcome == VoteOutcome.Tie),
                BothBad = mine.Count(p => p.Outcome == VoteOutcome.BothBad),
            });
        }

        var matrix = new List<IReadOnlyList<double?>>();
        for (var i = 0; i < models.Count; i++)
        {
            var row = new List<double?>();
            for (var j = 0; j < models.Count; j++)
            {
                double score = 0, games = 0;
                foreach (var (l, r, outcome) in pairs)
                {
                    if (outcome == VoteOutcome.BothBad || !((l == i && r == j) || (l == j && r == i)) || i == j) continue;
                    games++;
                    score += Score(outcome, leftIsMe: l == i);
                }
                row.Add(games == 0 ? null : score / games);
            }
            matrix.Add(row);
        }
        return new PreferenceRanking([.. result.OrderByDescending(r => r.Rating).ThenBy(r => r.Model, StringComparer.Ordinal)], models, matrix, votes.Count, resamples);
    }

    /// <summary>The fitted ratings (Elo-like scale, geometric mean 1000) of <paramref name="count"/> models; internal so the recommendation's bootstrap can refit without the ranking's extras.</summary>
    internal static double[] Fit(int count, IReadOnlyList<(int L, int R, string Outcome)> pairs) => Fit(count, pairs, null);

    /// <summary>The fit where <c>pairs[k]</c> occurs <c>times[k]</c> times (once each when <paramref name="times"/> is null).</summary>
    private static double[] Fit(int count, IReadOnlyList<(int L, int R, string Outcome)> pairs, int[]? times)
    {
        // wins[i]: i's score (wins + half ties) plus the prior's half; games[i, j]: comparisons between i and j.
        // Scores are whole or halves and counts whole, so adding n at once gives the same doubles as adding 1 n times.
        var wins = new double[count];
        var games = new double[count, count];
        for (var i = 0; i < count; i++) wins[i] = 0.5;
        for (var k = 0; k < pairs.Count; k++)
        {
            var (l, r, outcome) = pairs[k];
            var n = times?[k] ?? 1;
            if (outcome == VoteOutcome.BothBad || n == 0) continue;
            wins[l] += n * Score(outcome, leftIsMe: true);
            wins[r] += n * Score(outcome, leftIsMe: false);
            games[l, r] += n;
            games[r, l] += n;
        }
        var p = Enumerable.Repeat(1.0, count).ToArray();
        var next = new double[count];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (var i = 0; i < count; i++)
            {
                var denominator = 1.0 / (p[i] + 1.0); // the virtual game against the reference (strength 1)
                for (var j = 0; j < count; j++)
                    if (games[i, j] > 0) denominator += games[i, j] / (p[i] + p[j]);
                next[i] = wins[i] / denominator;
            }
            var change = 0.0;
            for (var i = 0; i < count; i++)
            {
                change = Math.Max(change, Math.Abs(Math.Log(next[i] / p[i])));
                p[i] = next[i];
            }
            if (change < Tolerance) break;
        }
        var meanLog = count == 0 ? 0 : p.Average(Math.Log);
        return [.. p.Select(x => 1000 + 400 * (Math.Log(x) - meanLog) / Math.Log(10))];
    }

    private static double Score(string outcome, bool leftIsMe) => outcome switch
    {
        VoteOutcome.Left => leftIsMe ? 1 : 0,
        VoteOutcome.Right => leftIsMe ? 0 : 1,
        VoteOutcome.Tie => 0.5,
        _ => 0,
    };

    /// <summary>Linear interpolation between the closest ranks of a sorted array.</summary>
    private static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 1) return sorted[0];
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
