using Catwalk.Manifests.Reading;

namespace Catwalk.Manifests;

/// <summary>
/// Reads a batch manifest (YAML or JSON, with CSVs of people and outfits) and checks everything that can be checked
/// before anything is spent: fields, types, ranges, ids, model keys and that every image file exists and can be read.
/// Any mistake is a <see cref="ManifestException"/> naming the file, line and field. The format: docs/batch-manifest.md.
/// </summary>
public static class ManifestReader
{
    /// <summary>The most looks (people × outfits × settings) one manifest may expand to, and the most rows of one CSV.</summary>
    public const int MaxLooks = 10_000;

    /// <summary>Reads a .yaml, .yml or .json file (by its extension; anything else is read as YAML).</summary>
    /// <param name="knownModelKeys">The catalog's video model keys; compared case-insensitively, "all" means all of them.</param>
    /// <param name="knownImageModelKeys">The catalog's image models that dress a person (for <c>image_models</c>); null: only the default one.</param>
    public static BatchManifest Load(string path, IReadOnlyCollection<string> knownModelKeys, IReadOnlyCollection<string>? knownImageModelKeys = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = SourceFile.Manifest(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new Spot(file, null, null, null).Error($"is a folder ({full}); give the manifest file");
        if (!File.Exists(full)) throw new Spot(file, null, null, null).Error($"does not exist (looked for {full})");
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Spot(file, null, null, null).Error($"cannot be read: {e.Message}", e);
        }
        return Parse(text, path, knownModelKeys, knownImageModelKeys);
    }

    /// <summary>Reads manifest text.</summary>
    /// <param name="sourcePath">Names the manifest in messages; relative image and CSV paths are relative to its folder.</param>
    /// <param name="knownModelKeys">The catalog's video model keys; compared case-insensitively, "all" means all of them.</param>
    public static BatchManifest Parse(string text, string sourcePath, IReadOnlyCollection<string> knownModelKeys, IReadOnlyCollection<string>? knownImageModelKeys = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentNullException.ThrowIfNull(knownModelKeys);
        var file = SourceFile.Manifest(sourcePath);
        return ManifestBuilder.Build(YamlLoader.Load(text, file), file, knownModelKeys, knownImageModelKeys ?? ["nano-banana-edit"]);
    }
}
