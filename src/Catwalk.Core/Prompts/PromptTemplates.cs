using System.Text.Json;
using Catwalk.Domain;

namespace Catwalk.Prompts;

/// <summary>The prompt templates: lines with {placeholders} and default phrases. Built in, or loaded from a user's file.</summary>
public sealed record PromptTemplates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public IReadOnlyList<string> Image { get; init; } = [];
    public IReadOnlyList<string> Video { get; init; } = [];
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>();

    public static PromptTemplates BuiltIn { get; } = LoadBuiltIn();

    public static PromptTemplates Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"Prompt template file '{path}' does not exist.");
        try
        {
            using var stream = File.OpenRead(path);
            var loaded = JsonSerializer.Deserialize<PromptTemplates>(stream, Json)
                ?? throw new InvalidInputException($"Prompt template file '{path}' is empty.");
            // A user file may override only some parts; the rest comes from the built-in templates.
            return new PromptTemplates
            {
                Image = loaded.Image.Count > 0 ? loaded.Image : BuiltIn.Image,
                Video = loaded.Video.Count > 0 ? loaded.Video : BuiltIn.Video,
                Defaults = BuiltIn.Defaults.Concat(loaded.Defaults).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"Prompt template file '{path}' is not valid JSON at line {e.LineNumber + 1}: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static PromptTemplates LoadBuiltIn()
    {
        using var stream = typeof(PromptTemplates).Assembly.GetManifestResourceStream("Catwalk.Prompts.prompt-templates.json")
            ?? throw new InvalidOperationException("The built-in prompt templates are missing from Catwalk.Core.");
        return JsonSerializer.Deserialize<PromptTemplates>(stream, Json)!;
    }
}
