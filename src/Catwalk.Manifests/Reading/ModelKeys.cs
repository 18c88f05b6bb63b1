namespace Catwalk.Manifests.Reading;

/// <summary>The <c>models</c> (or <c>image_models</c>) field: catalog keys (any case) or "all", as a list or one comma-separated value like --models.</summary>
internal static class ModelKeys
{
    public static IReadOnlyList<string> Resolve(YamlFields root, IReadOnlyCollection<string> known, string field = "models", string kind = "video")
    {
        var written = root.List(field)
            ?? throw root.At(field).Error($"is missing; give catalog keys or all, e.g. {field}: [{string.Join(", ", known.Take(2))}]");
        if (written.Count == 0) throw root.At(field).Error("is empty; give catalog keys or all");
        var models = new List<string>();
        foreach (var item in written.SelectMany(Split))
        {
            if (item.Text.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                if (known.Count == 0) throw item.At.Error($"'all' means every {kind} model in the catalog, and it has none");
                models.AddRange(known);
                continue;
            }
            var key = known.FirstOrDefault(k => k.Equals(item.Text, StringComparison.OrdinalIgnoreCase))
                ?? throw item.At.Error($"'{item.Text}' is not {(kind == "image" ? "an" : "a")} {kind} model in the catalog{Close(item.Text, known)}; the models are {string.Join(", ", known)} (or all)");
            models.Add(key);
        }
        return models.Distinct(StringComparer.OrdinalIgnoreCase).ToList().AsReadOnly();
    }

    /// <summary>"veo3, kling" in one value is the CLI's spelling; allow it here too.</summary>
    private static IEnumerable<Located> Split(Located item) =>
        item.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(text => item with { Text = text });

    private static string Close(string key, IReadOnlyCollection<string> known) =>
        Suggestions.Closest(key, known) is { } close ? $" (did you mean '{close}'?)" : "";
}
