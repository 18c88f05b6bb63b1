using System.ComponentModel;
using Catwalk.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk run</c>: with no files, Catwalk's sample person and outfit.</summary>
public sealed class RunSettings : VideoOptionSettings
{
    [CommandOption("--person <IMAGE>")]
    [Description("Full photo of the person (default: the bundled sample).")]
    public string? Person { get; init; }

    [CommandOption("--face <IMAGE>")]
    [Description("Close-up of the face to keep.")]
    public string? Face { get; init; }

    [CommandOption("--outfit <IMAGE>")]
    [Description("A garment or accessory to put on the person. Repeatable.")]
    public string[]? Outfits { get; init; }

    [CommandOption("--height <CM>")] public double? Height { get; init; }
    [CommandOption("--weight <KG>")] public double? Weight { get; init; }
    [CommandOption("--gender <GENDER>")][Description("female, male or non-binary.")] public string? Gender { get; init; }
    [CommandOption("--age <YEARS>")] public int? Age { get; init; }
    [CommandOption("--apparel <TEXT>")][Description("Apparel type, e.g. \"street wear\".")] public string? Apparel { get; init; }
    [CommandOption("--setting <TEXT>")][Description("Where, e.g. \"urban cafe, outdoor\".")] public string? Setting { get; init; }
    [CommandOption("--cues <TEXT>")][Description("Visual cues, e.g. \"natural light\".")] public string? Cues { get; init; }
    [CommandOption("--description <TEXT>")][Description("The shot and motion, e.g. \"walking towards the camera\".")] public string? Description { get; init; }

    [CommandOption("--video-prompt <TEXT>")]
    [Description("Use this motion prompt instead of the one built from the attributes.")]
    public string? VideoPrompt { get; init; }

    [CommandOption("--image-models <KEYS>")]
    [Description("Image models that each dress the person (comma-separated catalog keys, or all); every video model animates each image. Default: nano-banana-edit.")]
    public string? ImageModels { get; init; }

    [CommandOption("--garments <KINDS>")]
    [Description("What each --outfit picture is, in order (e.g. top,bottom,shoes): a try-on image model dresses one a call, top first.")]
    public string? Garments { get; init; }

    [CommandOption("--angles <ANGLES>")]
    [Description("Shoot the look from these camera angles, one image each (front, three-quarter, side, back, or all); every video model animates each.")]
    public string? Angles { get; init; }

    [CommandOption("--turnaround")]
    [Description("One more video per image model and video model: from the front image, a slow 360° turn on the spot, the outfit seen from every side.")]
    public bool Turnaround { get; init; }

    [CommandOption("--gate-image")]
    [Description("Measure the dressed image against --face/--person and --outfit first, and send no video of it when the face changed or was lost or the outfit's colours changed (needs Node.js; the refusal is reported, nothing is paid for it).")]
    public bool GateImage { get; init; }

    public PersonAttributes ToPerson() => new()
    {
        HeightCm = Height,
        WeightKg = Weight,
        Age = Age,
        Gender = PersonAttributes.ParseGender(Gender) ?? Domain.Gender.Unspecified,
    };

    public override ValidationResult Validate()
    {
        if (PersonAttributes.ParseGender(Gender) is null)
            return ValidationResult.Error($"--gender '{Gender}' is not one of female, male, non-binary.");
        var problems = ToPerson().Validate();
        if (problems.Count > 0) return ValidationResult.Error($"--height/--weight/--age: {string.Join("; ", problems)}.");
        if (Person is null && (Face is not null || Outfits is { Length: > 0 }))
            return ValidationResult.Error("--face and --outfit need --person too (or give none of them to use the sample).");
        if (Garments is { } garments)
        {
            var words = garments.Split(',', StringSplitOptions.TrimEntries);
            var kinds = string.Join(", ", Enum.GetValues<Catalog.GarmentCategory>().Select(Catalog.GarmentCategoryNames.Name));
            if (words.FirstOrDefault(w => Catalog.GarmentCategoryNames.Parse(w) is null) is { } bad)
                return ValidationResult.Error($"--garments: '{bad}' is not a kind of garment; the kinds are {kinds}.");
            var pictures = Person is null ? 3 : Outfits?.Length ?? 0;
            if (words.Length != pictures)
                return ValidationResult.Error($"--garments names {words.Length} garment(s) for {pictures} --outfit picture(s); give one kind per picture, in the same order.");
        }
        return base.Validate();
    }
}
