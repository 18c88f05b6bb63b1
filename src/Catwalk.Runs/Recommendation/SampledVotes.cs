using Catwalk.Runs.Preference;
using Catwalk.Store;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// The votes indexed once, fitted as they are (the same ratings as the leaderboard's) or as one bootstrap resample. A model
/// has a rating only when a vote that is not "both bad" names it (in that resample).
/// </summary>
internal sealed class SampledVotes
{
    private readonly List<string> _models;
    private readonly (int L, int R, string Outcome)[] _pairs;
    private readonly List<(int L, int R, string Outcome)> _resampled;

    public SampledVotes(IReadOnlyList<Comparison> votes)
    {
        _models = votes.SelectMany(v => new[] { v.Left, v.Right }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = _models.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, StringComparer.Ordinal);
        _pairs = [.. votes.Select(v => (index[v.Left], index[v.Right], v.Outcome))];
        _resampled = new(_pairs.Length);
    }

    public Dictionary<string, double> Ratings(Random? random)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_pairs.Length == 0) return result;
        IReadOnlyList<(int L, int R, string Outcome)> pairs = _pairs;
        if (random is not null)
        {
            _resampled.Clear();
            for (var i = 0; i < _pairs.Length; i++) _resampled.Add(_pairs[random.Next(_pairs.Length)]);
            pairs = _resampled;
        }
        var voted = new bool[_models.Count];
        foreach (var (l, r, outcome) in pairs)
            if (outcome != VoteOutcome.BothBad) voted[l] = voted[r] = true;
        var ratings = BradleyTerry.Fit(_models.Count, pairs);
        for (var i = 0; i < _models.Count; i++)
            if (voted[i]) result[_models[i]] = ratings[i];
        return result;
    }
}
