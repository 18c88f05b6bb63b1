namespace Catwalk.Fal;

/// <summary>Where a job's time went: waiting in fal's queue, running, and submit-to-result in total.</summary>
public sealed record FalTimings(TimeSpan QueueWait, TimeSpan Inference, TimeSpan Total);
