using System.Globalization;
using Catwalk.Domain;

namespace Catwalk.Prompts;

/// <summary>
/// Builds the image-stage prompt (identity + outfit + environment, keeping the reference face) and the
/// video-stage motion prompt from a look. Deterministic: the same look always gives the same text.
/// </summary>
public sealed class PromptBuilder(PromptTemplates templates)
{
    public PromptBuilder() : this(PromptTemplates.BuiltIn) { }

    public PromptTemplates Templates { get; } = templates;

    public string BuildImagePrompt(LookRequest look)
    {
        var refs = look.References;
        var faceIndex = refs.Face is null ? 1 : 2;
        var firstOutfit = faceIndex + 1;
        var values = new Dictionary<string, string?>
        {
            ["person_ref"] = "image 1",
            ["face_ref"] = $"image {faceIndex}",
            ["outfit_refs"] = ImageList(firstOutfit, refs.Outfits.Count),
            ["person"] = DescribePerson(look.Person),
            ["apparel"] = Clean(look.Environment.ApparelType),
            ["setting"] = Clean(look.Environment.Setting),
            ["cues"] = Clean(look.Environment.VisualCues),
            // The default shot faces the camera: with an angle asked for, the angle says where the camera is instead.
            ["description"] = Clean(look.Description) ?? (look.Angle is null ? Templates.Defaults.GetValueOrDefault("description") : "full-body shot, standing naturally"),
            ["angle"] = look.Angle?.Phrase(),
        };
        return TemplateRenderer.Render(Templates.Image, values);
    }

    public string BuildVideoPrompt(LookRequest look) => BuildVideoPrompt(look.Person, look.Environment, look.Description);

    /// <summary>The motion prompt for any image of a person (no references needed).</summary>
    public string BuildVideoPrompt(PersonAttributes person, EnvironmentAttributes environment, string? description)
    {
        var values = new Dictionary<string, string?>
        {
            ["subject"] = Noun(person),
            ["apparel"] = Clean(environment.ApparelType) ?? "the outfit",
            ["setting"] = Clean(environment.Setting),
            ["cues"] = Clean(environment.VisualCues),
            ["motion"] = Clean(description) is { } d ? LowerFirst(d) : Templates.Defaults.GetValueOrDefault("motion"),
        };
        return TemplateRenderer.Render(Templates.Video, values);
    }

    /// <summary>The motion prompt of a look's turnaround video: a slow full turn on the spot, so the outfit shows from every side.</summary>
    public string BuildTurnaroundPrompt(PersonAttributes person, EnvironmentAttributes environment) =>
        BuildVideoPrompt(person, environment, Templates.Defaults.GetValueOrDefault("turnaround") ?? "Turning slowly on the spot through a full 360-degree turn, arms relaxed, so the outfit is seen from the front, the side and the back, the camera still");

    /// <summary>"a 28-year-old man, 175 cm tall, weighing 70 kg"; null when nothing is known.</summary>
    public static string? DescribePerson(PersonAttributes person)
    {
        var parts = new List<string>();
        var noun = Noun(person);
        var head = person.Age is { } age ? $"a {age}-year-old {noun}" : noun == "person" ? null : $"a {noun}";
        if (head is not null) parts.Add(head);
        if (person.HeightCm is { } h) parts.Add($"{h.ToString("0.#", CultureInfo.InvariantCulture)} cm tall");
        if (person.WeightKg is { } w) parts.Add($"weighing {w.ToString("0.#", CultureInfo.InvariantCulture)} kg");
        if (parts.Count == 0) return null;
        if (head is null) parts.Insert(0, "a person");
        return string.Join(", ", parts);
    }

    private static string Noun(PersonAttributes person) => (person.Gender, person.Age) switch
    {
        (Gender.Female, < 13) => "girl",
        (Gender.Male, < 13) => "boy",
        (_, < 13) => "child",
        (Gender.Female, < 18) => "teenage girl",
        (Gender.Male, < 18) => "teenage boy",
        (_, < 18) => "teenager",
        (Gender.Female, _) => "woman",
        (Gender.Male, _) => "man",
        (Gender.NonBinary, _) => "non-binary person",
        _ => "person",
    };

    private static string? ImageList(int first, int count) => count switch
    {
        0 => null,
        1 => $"image {first}",
        _ => $"images {string.Join(", ", Enumerable.Range(first, count - 1))} and {first + count - 1}",
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().TrimEnd('.');

    private static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
        ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
