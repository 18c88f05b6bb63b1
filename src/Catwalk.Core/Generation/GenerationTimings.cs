namespace Catwalk.Generation;

/// <summary>Where a job's time went: waiting in fal's queue, running on fal, and the total from submit to result.</summary>
public sealed record GenerationTimings(TimeSpan QueueWait, TimeSpan Inference, TimeSpan Total);
