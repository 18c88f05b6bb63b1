using Catwalk.Catalog;
using Catwalk.Store;

namespace Catwalk.Runs.Specs;

/// <summary>
/// Everything a run was asked to do, stored with it (runs.spec_json) so <c>catwalk resume</c> can finish it exactly
/// as planned: looks × durations × models, the video settings, limits and budget.
/// </summary>
public sealed record RunSpec
{
    /// <summary>Which command asked; written as its word ("batch"), as when it was a string.</summary>
    public required RunKind Kind { get; init; }
    public string? Name { get; init; }
    public required IReadOnlyList<LookSpec> Looks { get; init; }
    /// <summary>Catalog keys of the video models; empty for none (an image-only run).</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
    /// <summary>Requested durations in seconds; null means the model's default.</summary>
    public IReadOnlyList<int?> Durations { get; init; } = [null];
    /// <summary>Resolution, aspect ratio, audio, negative prompt (duration comes from <see cref="Durations"/>).</summary>
    public VideoSettings Video { get; init; } = new();
    public bool StrictDuration { get; init; }
    public string? VideoPrompt { get; init; }
    public long? Seed { get; init; }
    public string? ImageAspectRatio { get; init; }
    /// <summary>The image stage's model key; null is Nano Banana edit. <see cref="ImageModels"/> wins when it names any.</summary>
    public string? ImageModel { get; init; }
    /// <summary>
    /// Image models to compare (<c>--image-models</c>): each dresses every look, and every video model animates every
    /// image — a matrix of jobs in one graph. Empty: <see cref="ImageModel"/> alone.
    /// </summary>
    public IReadOnlyList<string> ImageModels { get; init; } = [];

    /// <summary>The image models that dress each look, in order.</summary>
    public IReadOnlyList<string> ImageModelKeys() => ImageModels.Count > 0 ? ImageModels : [ImageModel ?? Pipelines.ImagePipeline.EditModel];

    /// <summary>More than one image model: jobs and files name the image model they follow.</summary>
    public bool ComparesImageModels => ImageModels.Count > 1;

    /// <summary>
    /// Camera angles (<c>--angles</c>): each look is dressed once per angle (the angle in its prompt, input key, file names
    /// and metadata) and every video model animates each angle's image. Empty: one image, as the description says.
    /// </summary>
    public IReadOnlyList<Domain.CameraAngle> Angles { get; init; } = [];

    /// <summary>
    /// One more video per look, image model and video model (<c>--turnaround</c>): from the front image (the only one
    /// without angles), a slow 360° turn on the spot, so the outfit is seen from every side.
    /// </summary>
    public bool Turnaround { get; init; }
    /// <summary>Images per image-stage call (the first one feeds the videos).</summary>
    public int ImageCount { get; init; } = 1;
    public int Concurrency { get; init; } = 16;
    public int PerEndpointConcurrency { get; init; } = 4;
    public decimal? BudgetUsd { get; init; }
    public bool UseCache { get; init; } = true;
    /// <summary>Measure each video's quality (ffmpeg) right after it is downloaded.</summary>
    public bool Metrics { get; init; } = true;
    /// <summary>
    /// Frames sampled per video (and the generated image) for the fashion metrics (identity, full body, garment colour)
    /// against the look's references, right after the download; 0: none, they are measured on request by
    /// <c>catwalk metrics --run/--all</c>. Opt-in: they cost ~3 s of CPU per video on one single-threaded worker.
    /// </summary>
    public int MetricFrames { get; init; }
    /// <summary>
    /// Measure each generated image against its look's references before any video is made from it, and do not animate
    /// one whose face changed or was lost or whose outfit's colours changed (<see cref="Gate.ImageGate"/>): its videos
    /// fail, not run, and cost nothing.
    /// </summary>
    public bool GateImage { get; init; }
    public int? TimeoutSeconds { get; init; }
}
