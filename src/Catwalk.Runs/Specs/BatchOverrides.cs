namespace Catwalk.Runs.Specs;

/// <summary>
/// What a caller may set over a batch manifest (e.g. <c>catwalk batch</c>'s options): null keeps the manifest's value,
/// else the run's default.
/// </summary>
public sealed record BatchOverrides
{
    public int? Concurrency { get; init; }
    public int? PerEndpointConcurrency { get; init; }
    public decimal? BudgetUsd { get; init; }
    public bool UseCache { get; init; } = true;
    public bool Metrics { get; init; } = true;
    public int? TimeoutSeconds { get; init; }
    /// <summary>True turns the image gate on whatever the manifest says (<c>--gate-image</c>); false keeps the manifest's.</summary>
    public bool GateImage { get; init; }
}
