using System.Text.Json.Serialization;

namespace Catwalk.Runs.Recommendation;

/// <summary>Every answer for a set of runs: video models overall, per setting and per apparel (when the looks differ in it), and image models.</summary>
public sealed record RecommendationReport
{
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<string> Runs { get; init; }
    public required string Weights { get; init; }
    public double? MinIdentity { get; init; }
    public double? MinFullBody { get; init; }
    public required int Seed { get; init; }
    /// <summary>Null when the runs made no video.</summary>
    public Recommendation? Video { get; init; }
    public IReadOnlyList<Recommendation> BySetting { get; init; } = [];
    public IReadOnlyList<Recommendation> ByApparel { get; init; } = [];
    /// <summary>Null when the runs made no image.</summary>
    public Recommendation? Image { get; init; }

    /// <summary>Every answer in the order shown (not serialised: it repeats the others).</summary>
    [JsonIgnore]
    public IEnumerable<Recommendation> All => new[] { Video }.Concat(BySetting).Concat(ByApparel).Append(Image).OfType<Recommendation>();
}
