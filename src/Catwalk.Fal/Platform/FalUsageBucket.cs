namespace Catwalk.Fal.Platform;

/// <summary>The usage of one time bucket (its start, with fal's offset).</summary>
public sealed record FalUsageBucket(DateTimeOffset Bucket, IReadOnlyList<FalUsageLine> Results);
