using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// Manifest text → the root YAML node, every node knowing its line. JSON is read by the same YAML parser (JSON is
/// YAML's flow style), after System.Text.Json has checked it is strictly JSON, so a .json file cannot pass with YAML
/// syntax and its syntax errors have JSON's wording and position.
/// </summary>
internal static class YamlLoader
{
    public static YamlNode Load(string text, SourceFile file)
    {
        var isJson = Path.GetExtension(file.Path).Equals(".json", StringComparison.OrdinalIgnoreCase);
        if (isJson) CheckJson(text, file);

        var stream = new YamlStream();
        try
        {
            stream.Load(new TrackingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            throw SyntaxError(e, text, file);
        }
        if (stream.Documents.Count == 0)
            throw new Spot(file, null, null, null).Error("the manifest is empty; it needs at least models, people and outfits (see docs/batch-manifest.md)");
        if (stream.Documents.Count > 1)
            throw YamlNodes.SpotOf(stream.Documents[1].RootNode, file, null).Error("a manifest is one YAML document; this file has several (separated by '---')");
        return stream.Documents[0].RootNode;
    }

    private static ManifestException SyntaxError(YamlException e, string text, SourceFile file)
    {
        // A duplicate key is not a syntax slip but a field given twice; say so in the manifest's words.
        if (e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            var key = e.Message["Duplicate key ".Length..];
            return new Spot(file, (int)e.Start.Line, null, key).Error("is given twice; keep one");
        }
        // For a tab YamlDotNet's start is the scalar before it; the tab itself is where the error ends.
        var tab = e.Message.Contains("tab", StringComparison.Ordinal);
        var mark = tab ? e.End : e.Start;
        var hint = tab ? " (indent YAML with spaces, not tabs)" : "";
        var line = Math.Clamp((int)mark.Line, 1, Math.Max(1, text.Count(c => c == '\n') + 1));
        return new Spot(file, line, (int)mark.Column, null).Error($"this is not valid YAML: {e.Message.TrimEnd('.')}{hint}", e);
    }

    private static void CheckJson(string text, SourceFile file)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0, and appends them (and a path) to its message.
            var message = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ');
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = e.BytePositionInLine is { } b ? (int)b + 1 : (int?)null;
            throw new Spot(file, line, column, null).Error($"this is not valid JSON: {message}", e);
        }
    }
}
