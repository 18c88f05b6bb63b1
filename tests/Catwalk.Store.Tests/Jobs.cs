using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Store.Tests;

/// <summary>Test data: a run and its jobs.</summary>
internal static class Jobs
{
    public static RunRecord Run(string? id = null, RunKind kind = RunKind.Batch, long at = 1_700_000_000_000) => new()
    {
        Id = id ?? Guid.CreateVersion7().ToString("N"), Kind = kind, OutputRoot = "/tmp/out", CreatedAt = at, UpdatedAt = at,
        EstimatedCostUsd = 1.25m, BudgetUsd = 10m, SpecJson = """{"looks":1}""",
    };

    public static JobRecord Job(RunRecord run, string model = "veo3", string input = "default", StageKind stage = StageKind.Video, long at = 1_700_000_000_000) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"), RunId = run.Id, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}/image-to-video",
        InputKey = input, LookId = input, PersonId = "anna", OutfitId = "denim", RequestedDuration = 8, EstimatedCostUsd = 0.4m, CreatedAt = at, UpdatedAt = at,
    };
}
