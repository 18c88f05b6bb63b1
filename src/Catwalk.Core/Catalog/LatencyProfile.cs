namespace Catwalk.Catalog;

/// <summary>Typical seconds a job waits in fal's queue and runs; the emulator scales these to imitate the model.</summary>
public sealed record LatencyProfile
{
    public double QueueSeconds { get; init; }
    public double InferenceSeconds { get; init; }
}
