using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Generation;

namespace Catwalk.Pipelines;

/// <summary>A whole run: dress the person (image stage), then animate the result with the chosen models (video stage).</summary>
public sealed record LookRunRequest
{
    public required LookRequest Look { get; init; }
    public IReadOnlyList<string> Models { get; init; } = [];
    public VideoSettings Settings { get; init; } = new();
    public bool StrictSettings { get; init; }
    /// <summary>Overrides the motion prompt built from the look.</summary>
    public string? VideoPrompt { get; init; }
    public string? ImageAspectRatio { get; init; }
    public long? Seed { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    public TimeSpan? Timeout { get; init; }
}
