namespace Catwalk.Catalog;

/// <summary>The shape of a catalog file on disk.</summary>
internal sealed record CatalogDocument
{
    public int Version { get; init; } = 1;
    public string? Note { get; init; }
    public IReadOnlyList<ModelDescriptor> Models { get; init; } = [];
}
