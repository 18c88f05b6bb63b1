namespace Catwalk.Bench.Infrastructure;

/// <summary>One number the suite reports: ours, the baseline measured in the same run, their ratio, and the target.</summary>
public sealed record BenchResult(string Name, double Value, string Unit, string Description)
{
    public double? Baseline { get; init; }
    public string? BaselineDescription { get; init; }
    public string? Target { get; init; }
    public bool? MeetsTarget { get; init; }
}
