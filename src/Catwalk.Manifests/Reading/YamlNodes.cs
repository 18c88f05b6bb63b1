using YamlDotNet.RepresentationModel;

namespace Catwalk.Manifests.Reading;

/// <summary>Small facts about YAML nodes that the readers share.</summary>
internal static class YamlNodes
{
    /// <summary>An empty value, ~ or null, unquoted: YAML's ways of writing "nothing" (JSON's null arrives as plain "null").</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static Spot SpotOf(YamlNode node, SourceFile file, string? field) =>
        new(file, (int)node.Start.Line, null, field);

    /// <summary>"a list", "a mapping" or "a single value", for "… must be X, not Y".</summary>
    public static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping (key: value lines)",
        _ => "a single value",
    };
}
