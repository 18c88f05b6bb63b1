using YamlDotNet.RepresentationModel;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// The fields of one YAML mapping with their lines. Refuses, on construction, keys that are not known (suggesting the
/// closest known one), so a typo never silently drops a setting.
/// </summary>
internal sealed class YamlFields : IFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly SourceFile _file;
    private readonly string _path;

    /// <param name="path">The mapping's field path, "" for the manifest itself, e.g. "people[1]".</param>
    /// <param name="known">The keys this mapping may have, in the order the documentation lists them.</param>
    public YamlFields(YamlNode node, SourceFile file, string path, IReadOnlyCollection<string> known)
    {
        _file = file;
        _path = path;
        Entry = YamlNodes.SpotOf(node, file, path.Length == 0 ? null : path);
        if (node is not YamlMappingNode mapping)
            throw Entry.Error(path.Length == 0
                ? $"a manifest is a mapping of fields (models: …, people: …, outfits: …), not {YamlNodes.Kind(node)}"
                : $"must be a mapping of fields ({string.Join(", ", known)}), not {YamlNodes.Kind(node)}");

        foreach (var (keyNode, value) in mapping.Children)
        {
            var keySpot = YamlNodes.SpotOf(keyNode, file, path.Length == 0 ? null : path);
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } scalarKey)
                throw keySpot.Error($"a field name must be a plain word, not {YamlNodes.Kind(keyNode)}");
            if (!known.Contains(key))
            {
                var owner = path.Length == 0 ? "a manifest field" : $"a field of {path}";
                throw (keySpot with { Field = Name(key) }).ErrorWithoutField($"'{key}' is not {owner}{Suggestions.Hint(key, known, "the fields")}");
            }
            _fields[key] = (scalarKey, value);
        }
    }

    public Spot Entry { get; }

    /// <summary>"people[1].height", or just "height" at the top.</summary>
    public string Name(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public bool Has(string key) => Node(key) is not null;

    /// <summary>The value, unless absent or null.</summary>
    public YamlNode? Node(string key) => _fields.TryGetValue(key, out var field) && !YamlNodes.IsNull(field.Value) ? field.Value : null;

    /// <summary>The keys present, in the order written.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>The key's line (for the whole field); the entry's line when absent.</summary>
    public Spot At(string key) => _fields.TryGetValue(key, out var field)
        ? YamlNodes.SpotOf(field.Key, _file, Name(key))
        : Entry with { Field = Name(key) };

    public string? Text(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is not YamlScalarNode scalar)
            throw At(key).Error($"must be a single value, not {YamlNodes.Kind(node)}");
        return scalar.Value?.Trim() is { Length: > 0 } text ? text : null;
    }

    public IReadOnlyList<Located>? List(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return Text(key) is { } one ? [new Located(one, YamlNodes.SpotOf(scalar, _file, Name(key)))] : null;
            case YamlSequenceNode sequence:
                var items = new List<Located>();
                foreach (var (item, index) in sequence.Children.Select((n, i) => (n, i)))
                {
                    var spot = YamlNodes.SpotOf(item, _file, $"{Name(key)}[{index}]");
                    if (item is not YamlScalarNode { Value: var value } || YamlNodes.IsNull(item) || string.IsNullOrWhiteSpace(value))
                        throw spot.Error(YamlNodes.IsNull(item) ? "is empty; remove it or give a value" : $"must be a single value, not {YamlNodes.Kind(item)}");
                    items.Add(new Located(value.Trim(), spot));
                }
                return items;
            case var other:
                throw At(key).Error($"must be a list or a single value, not {YamlNodes.Kind(other)}");
        }
    }

    /// <summary>The items of a list field with their field paths ("people[0]"); null when absent.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? Sequence(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is not YamlSequenceNode sequence)
            throw At(key).Error($"must be a list (lines starting with '- '), not {YamlNodes.Kind(node)}");
        return sequence.Children.Select((item, index) => (item, $"{Name(key)}[{index}]")).ToList();
    }

    /// <summary>A nested mapping's fields; null when absent.</summary>
    public YamlFields? Mapping(string key, IReadOnlyCollection<string> known) =>
        Node(key) is { } node ? new YamlFields(node, _file, Name(key), known) : null;
}
