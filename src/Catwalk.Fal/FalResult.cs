using System.Text.Json;

namespace Catwalk.Fal;

/// <summary>A finished job: the model's output exactly as fal returned it, and how long it took.</summary>
public sealed record FalResult(FalRequestHandle Request, JsonElement Data, FalTimings Timings);
