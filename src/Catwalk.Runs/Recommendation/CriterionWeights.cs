using System.Globalization;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// How much each criterion counts. Given as <c>quality=0.5,cost=0.3,latency=0.2</c>: a criterion not named counts 0.
/// Weights need not sum to 1 (they are scaled to); each must be ≥ 0 and at least one &gt; 0.
/// </summary>
public sealed record CriterionWeights(IReadOnlyDictionary<Criterion, double> Values)
{
    public const string DefaultText = "preference=0.3,quality=0.2,cost=0.3,latency=0.2";

    public static CriterionWeights Default { get; } = Parse(DefaultText);

    public double Of(Criterion criterion) => Values.GetValueOrDefault(criterion);

    public override string ToString() => string.Join(",", CriterionNames.All.Where(c => Of(c) > 0).Select(c => $"{c.Name()}={Of(c).ToString("0.###", CultureInfo.InvariantCulture)}"));

    public static CriterionWeights Parse(string text) =>
        TryParse(text, out var weights, out var problem) ? weights : throw new FormatException(problem);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what was wrong and how to write it.</summary>
    public static bool TryParse(string? text, out CriterionWeights weights, out string problem)
    {
        weights = null!;
        var names = string.Join(", ", CriterionNames.All.Select(c => c.Name()));
        if (string.IsNullOrWhiteSpace(text)) { problem = $"--weights is empty; give e.g. {DefaultText} (criteria: {names})."; return false; }
        var values = new Dictionary<Criterion, double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0) { problem = $"--weights: '{part}' is not NAME=NUMBER; give e.g. {DefaultText}."; return false; }
            if (CriterionNames.Parse(pair[0]) is not { } criterion) { problem = $"--weights: unknown criterion '{pair[0]}'; the criteria are {names}."; return false; }
            if (values.ContainsKey(criterion)) { problem = $"--weights: '{pair[0]}' is given twice; give each criterion once."; return false; }
            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            { problem = $"--weights: '{pair[1]}' for {criterion.Name()} is not a number; give e.g. {criterion.Name()}=0.3."; return false; }
            if (value < 0) { problem = $"--weights: {criterion.Name()}={pair[1]} is negative; weights are 0 or more."; return false; }
            values[criterion] = value;
        }
        if (values.Values.All(v => v == 0)) { problem = $"--weights: every weight is 0; give at least one criterion a weight above 0 ({names})."; return false; }
        weights = new CriterionWeights(values);
        problem = "";
        return true;
    }
}
