namespace Catwalk.Runs.Preflight;

/// <summary>What fal's current schemas say of a run's models: refusals (fal would reject what the run sends) and warnings.</summary>
public sealed record SchemaFreshness(IReadOnlyList<string> Refusals, IReadOnlyList<string> Warnings)
{
    public static SchemaFreshness Unchecked(string why) => new([], [why]);
}
