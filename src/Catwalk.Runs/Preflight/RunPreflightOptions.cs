namespace Catwalk.Runs.Preflight;

/// <summary>What a host checks before it stores a run. Off by default: a host talking to fal (not to the emulator that serves this very catalog) turns it on.</summary>
public sealed class RunPreflightOptions
{
    /// <summary>Each model of the run against fal's current OpenAPI (<see cref="SchemaFreshnessCheck"/>).</summary>
    public bool CheckFalSchemas { get; set; }
}
