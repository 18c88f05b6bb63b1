namespace Catwalk.Store;

/// <summary>One run (a <c>catwalk run</c>, <c>video</c>, <c>image</c>, batch or import) as stored. Times are unix ms.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }
    public required RunKind Kind { get; init; }
    public string? Name { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Running;
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long? FinishedAt { get; init; }
    public bool Emulated { get; init; }
    public required string OutputRoot { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    public decimal? BudgetUsd { get; init; }
    /// <summary>What was asked, as JSON, so the run can be finished by <c>catwalk resume</c>.</summary>
    public string? SpecJson { get; init; }
}
