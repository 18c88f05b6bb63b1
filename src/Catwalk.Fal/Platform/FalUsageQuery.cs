namespace Catwalk.Fal.Platform;

/// <summary>What <c>GET /v1/models/usage</c> is asked. <see cref="BoundToTimeframe"/> false keeps the exact window (for one run's requests).</summary>
public sealed record FalUsageQuery(DateTimeOffset Start, DateTimeOffset End)
{
    public IReadOnlyList<string> EndpointIds { get; init; } = [];
    /// <summary><c>minute</c>, <c>hour</c>, <c>day</c>, <c>week</c> or <c>month</c>; null: fal chooses by the range.</summary>
    public string? Timeframe { get; init; }
    public bool BoundToTimeframe { get; init; } = true;
    /// <summary>Also ask for the time buckets (<c>expand=time_series</c>); the summary is always asked for.</summary>
    public bool WithTimeSeries { get; init; } = true;
}
