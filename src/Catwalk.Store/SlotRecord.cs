namespace Catwalk.Store;

/// <summary>A live slot: which owner works on which job at which endpoint (for views of the workers). Times are unix ms.</summary>
public sealed record SlotRecord
{
    public required string JobId { get; init; }
    public required string RunId { get; init; }
    public required string EndpointId { get; init; }
    public required string Owner { get; init; }
    public double ReservedUsd { get; init; }
    public long AcquiredAt { get; init; }
    public long ExpiresAt { get; init; }
}
