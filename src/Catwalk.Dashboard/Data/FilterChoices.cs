using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>The values offered by the filter bar; the image axes (image models, camera angles) where pages offer them.</summary>
public sealed record FilterChoices(IReadOnlyList<string> Models, IReadOnlyList<RunRecord> Runs, IReadOnlyList<string> People, IReadOnlyList<string> Outfits)
{
    public IReadOnlyList<string> ImageModels { get; init; } = [];
    public IReadOnlyList<string> Angles { get; init; } = [];
}
