namespace Catwalk.Store;

/// <summary>
/// Distinct values over every job, sorted (ordinal): models, people, outfits, image models; and each distinct
/// (look, input key, metadata) of the image jobs, from which their camera angles are read (metadata only where it names an angle).
/// </summary>
public sealed record JobChoiceValues(
    IReadOnlyList<string> Models, IReadOnlyList<string> People, IReadOnlyList<string> Outfits, IReadOnlyList<string> ImageModels,
    IReadOnlyList<(string? LookId, string InputKey, string? MetadataJson)> ImageLooks);
