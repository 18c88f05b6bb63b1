using Catwalk.Domain;

namespace Catwalk.Manifests;

/// <summary>
/// A batch manifest read and validated by <see cref="ManifestReader"/>: which models and durations to run, the
/// shared video options, and the looks (people × outfits × settings) to make. Every image path is absolute and
/// was an existing, readable file when the manifest was read.
/// </summary>
public sealed record BatchManifest
{
    /// <summary>The manifest's <c>name</c>, if it gave one.</summary>
    public string? Name { get; init; }

    /// <summary>The manifest file as it was named to the reader (used in messages).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Catalog keys as spelled in the catalog, de-duplicated, in the manifest's order ("all" expanded).</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Seconds to ask for; a single <c>null</c> when the manifest gave none (each model's default).</summary>
    public IReadOnlyList<int?> Durations { get; init; } = [null];

    /// <summary>Options passed to every video model.</summary>
    public BatchVideoOptions Video { get; init; } = new();

    /// <summary>Refuse a duration or resolution a model cannot take instead of fitting the nearest.</summary>
    public bool StrictDuration { get; init; }

    /// <summary>A motion prompt to use instead of the one built from each look's attributes.</summary>
    public string? VideoPrompt { get; init; }

    public long? Seed { get; init; }

    /// <summary>Aspect ratio of the dressed image, e.g. "9:16".</summary>
    public string? ImageAspectRatio { get; init; }

    /// <summary>How many jobs may run at once overall.</summary>
    public int? Concurrency { get; init; }

    /// <summary>How many jobs may run at once against one fal endpoint.</summary>
    public int? PerEndpointConcurrency { get; init; }

    /// <summary>Spending limit in US dollars.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Image models that each dress every look (<c>image_models</c>); empty: the default one alone.</summary>
    public IReadOnlyList<string> ImageModels { get; init; } = [];

    /// <summary>Camera angles each look is shot from (<c>angles</c>); empty: one image as described.</summary>
    public IReadOnlyList<Catwalk.Domain.CameraAngle> Angles { get; init; } = [];

    /// <summary>One more video per look, image model and video model: a slow 360° turn from the front image (<c>turnaround</c>).</summary>
    public bool Turnaround { get; init; }

    /// <summary>Do not animate an image whose face or outfit did not survive the image stage (<c>gate_image: true</c>).</summary>
    public bool GateImage { get; init; }

    /// <summary>The cross product people × outfits × settings, person-major, in the manifest's order.</summary>
    public required IReadOnlyList<BatchLook> Looks { get; init; }
}
