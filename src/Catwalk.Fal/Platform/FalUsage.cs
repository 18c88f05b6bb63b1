namespace Catwalk.Fal.Platform;

/// <summary><c>GET /v1/models/usage</c>: line items over the whole range, and per time bucket.</summary>
public sealed record FalUsage(IReadOnlyList<FalUsageLine> Summary, IReadOnlyList<FalUsageBucket> TimeSeries);
