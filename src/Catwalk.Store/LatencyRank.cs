using Catwalk.Domain;

namespace Catwalk.Store;

/// <summary>One latency of a model's sorted latencies: its 0-based <see cref="Rank"/> among <see cref="Count"/>, whose mean is <see cref="Mean"/>.</summary>
public sealed record LatencyRank(StageKind Stage, string ModelKey, int Rank, int Count, double Mean, double Seconds);
