using System.Text.Json;

namespace Catwalk.Catalog;

/// <summary>
/// The endpoints Catwalk knows, loaded from data: the built-in catalog plus any catalog files the user adds.
/// A file entry with an existing key replaces it; a new key adds a model.
/// </summary>
public sealed class ModelCatalog
{
    private const string BuiltInResource = "Catwalk.Catalog.catalog.json";
    private readonly Dictionary<string, ModelDescriptor> _byKey;

    public ModelCatalog(IEnumerable<ModelDescriptor> models)
    {
        Models = [.. models];
        _byKey = new(StringComparer.OrdinalIgnoreCase);
        foreach (var model in Models)
        {
            if (!_byKey.TryAdd(model.Key, model))
                throw new CatalogException($"The catalog lists the key '{model.Key}' twice.");
        }
    }

    public IReadOnlyList<ModelDescriptor> Models { get; }

    public IEnumerable<ModelDescriptor> VideoModels => Models.Where(m => m.IsVideo);

    /// <summary>The catalog that ships inside Catwalk.</summary>
    public static ModelCatalog BuiltIn { get; } = LoadBuiltIn();

    public ModelDescriptor? Find(string key) =>
        _byKey.TryGetValue(key.Trim(), out var model) ? model
        : Models.FirstOrDefault(m => string.Equals(m.EndpointId, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The model for <paramref name="key"/>, or an error that lists the keys there are.</summary>
    public ModelDescriptor Get(string key) =>
        Find(key) ?? throw new UnknownModelException(key, Models.Select(m => m.Key));

    /// <summary>Parses <c>veo3,kling</c> or <c>all</c> into video models, in the order given, without repeats.</summary>
    public IReadOnlyList<ModelDescriptor> ResolveVideoModels(string? selection)
    {
        if (string.IsNullOrWhiteSpace(selection) || selection.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            return [.. VideoModels];
        var chosen = new List<ModelDescriptor>();
        foreach (var key in selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var model = Find(key) ?? throw new UnknownModelException(key, VideoModels.Select(m => m.Key));
            if (!model.IsVideo)
                throw new UnknownModelException(key, VideoModels.Select(m => m.Key), $"'{key}' is an image model, not a video model.");
            if (!chosen.Contains(model)) chosen.Add(model);
        }
        return chosen;
    }

    /// <summary>This catalog with the entries of <paramref name="other"/> added or replacing same-key entries.</summary>
    public ModelCatalog Merge(ModelCatalog other)
    {
        var merged = Models.ToList();
        foreach (var model in other.Models)
        {
            var index = merged.FindIndex(m => string.Equals(m.Key, model.Key, StringComparison.OrdinalIgnoreCase));
            if (index >= 0) merged[index] = model; else merged.Add(model);
        }
        return new ModelCatalog(merged);
    }

    /// <summary>The built-in catalog merged with each of <paramref name="extraFiles"/>.</summary>
    public static ModelCatalog WithFiles(IEnumerable<string> extraFiles) =>
        extraFiles.Aggregate(BuiltIn, (catalog, path) => catalog.Merge(LoadFile(path)));

    public static ModelCatalog LoadFile(string path)
    {
        if (!File.Exists(path)) throw new CatalogException($"Catalog file '{path}' does not exist.");
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static ModelCatalog Load(Stream json, string sourceName)
    {
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(json, CatalogJson.Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new CatalogException($"Catalog '{sourceName}' is not valid{where}: {e.Message.Split(" Path:")[0]}", e);
        }
        if (document is null || document.Models.Count == 0)
            throw new CatalogException($"Catalog '{sourceName}' has no \"models\" entries.");
        foreach (var model in document.Models) CatalogValidator.Validate(model, sourceName);
        return new ModelCatalog(document.Models);
    }

    private static ModelCatalog LoadBuiltIn()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new CatalogException("The built-in catalog resource is missing from Catwalk.Core.");
        return Load(stream, "built-in catalog");
    }
}
