namespace Catwalk.Runs.Recommendation;

/// <summary>One job's cost in USD (billed when known, else Catwalk's charged estimate) and what it made: video seconds, or 1 per image; 0 when it failed.</summary>
public sealed record CostSample(double Usd, double Units);
