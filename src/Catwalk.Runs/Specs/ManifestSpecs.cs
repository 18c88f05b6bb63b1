using Catwalk.Store;
using Catwalk.Catalog;
using Catwalk.Manifests;

namespace Catwalk.Runs.Specs;

/// <summary>
/// The run a batch manifest asks for, in one place for every way a manifest comes in (<c>catwalk batch</c>, the
/// server's <c>POST /api/batches</c>), so a batch means the same wherever it is submitted.
/// </summary>
public static class ManifestSpecs
{
    /// <summary>The run's own defaults, for what neither the caller nor the manifest sets.</summary>
    private static readonly RunSpec Defaults = new() { Kind = RunKind.Batch, Looks = [] };

    public static RunSpec ToSpec(BatchManifest manifest, BatchOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        overrides ??= new BatchOverrides();
        return new RunSpec
        {
            Kind = RunKind.Batch,
            Name = manifest.Name ?? Path.GetFileNameWithoutExtension(manifest.SourcePath),
            Looks = [.. manifest.Looks.Select(ToLook)],
            Models = manifest.Models,
            Durations = manifest.Durations,
            Video = new VideoSettings
            {
                Resolution = manifest.Video.Resolution, AspectRatio = manifest.Video.AspectRatio, Audio = manifest.Video.Audio,
                NegativePrompt = manifest.Video.NegativePrompt, Seed = manifest.Seed,
            },
            StrictDuration = manifest.StrictDuration,
            VideoPrompt = manifest.VideoPrompt,
            Seed = manifest.Seed,
            ImageAspectRatio = manifest.ImageAspectRatio,
            Concurrency = overrides.Concurrency ?? manifest.Concurrency ?? Defaults.Concurrency,
            PerEndpointConcurrency = overrides.PerEndpointConcurrency ?? manifest.PerEndpointConcurrency ?? Defaults.PerEndpointConcurrency,
            BudgetUsd = overrides.BudgetUsd ?? manifest.BudgetUsd,
            UseCache = overrides.UseCache,
            Metrics = overrides.Metrics,
            TimeoutSeconds = overrides.TimeoutSeconds,
            GateImage = overrides.GateImage || manifest.GateImage,
            ImageModels = manifest.ImageModels,
            Angles = manifest.Angles,
            Turnaround = manifest.Turnaround,
        };
    }

    private static LookSpec ToLook(BatchLook l) => new()
    {
        Id = l.Id, PersonId = l.PersonId, OutfitId = l.OutfitId, SettingId = l.SettingId, PersonImage = l.PersonImage, FaceImage = l.FaceImage,
        OutfitImages = l.OutfitImages, OutfitGarments = l.OutfitGarments, Person = l.Person, Environment = l.Environment, Description = l.Description,
    };
}
