using Catwalk.Store;
using Catwalk.Domain;
using Catwalk.Runs.Specs;

namespace Catwalk.Dashboard.Launch;

/// <summary>What the launch page asks for; <see cref="ToSpec"/> turns it into the run that is stored and executed.</summary>
public sealed class LaunchForm
{
    public string? PersonImage { get; set; }
    public string? FaceImage { get; set; }
    public List<string> OutfitImages { get; } = [];
    /// <summary>What each of <see cref="OutfitImages"/> is, in the same order (null: untagged); a try-on model dresses them one call each, top first.</summary>
    public List<Catalog.GarmentCategory?> OutfitGarments { get; } = [];
    public double? HeightCm { get; set; }
    public double? WeightKg { get; set; }
    public Gender Gender { get; set; } = Gender.Unspecified;
    public int? Age { get; set; }
    public string? Apparel { get; set; }
    public string? Setting { get; set; }
    public string? Cues { get; set; }
    public string? Description { get; set; }
    public HashSet<string> Models { get; } = new(StringComparer.Ordinal);
    /// <summary>Image models that each dress the person (empty: the default one alone).</summary>
    public HashSet<string> ImageModels { get; } = new(StringComparer.Ordinal);
    /// <summary>Camera angles, one image each (empty: one image as described).</summary>
    public HashSet<CameraAngle> Angles { get; } = [];
    /// <summary>Seconds; null is each model's default.</summary>
    public int? Duration { get; set; }
    /// <summary>The image gate (<see cref="RunSpec.GateImage"/>): no video of an image that lost the face or the outfit.</summary>
    public bool GateImage { get; set; }

    /// <summary>What is missing or out of range; empty when the run can be planned.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PersonImage is null) problems.Add("Upload a person image.");
        if (Models.Count == 0) problems.Add("Pick at least one video model.");
        if (OutfitGarments.Count != 0 && OutfitGarments.Count != OutfitImages.Count)
            problems.Add($"{OutfitGarments.Count} garment kind(s) for {OutfitImages.Count} outfit picture(s); upload the outfit again.");
        if (Duration is <= 0 or > 60) problems.Add($"Duration {Duration} s is out of range (1–60, or empty for each model's default).");
        problems.AddRange(Person().Validate().Select(p => char.ToUpperInvariant(p[0]) + p[1..] + "."));
        return problems;
    }

    public PersonAttributes Person() => new() { HeightCm = HeightCm, WeightKg = WeightKg, Gender = Gender, Age = Age };

    /// <summary>The run, in catalog order of its models; person image may be a placeholder while only planning.</summary>
    /// <param name="imageModelOrder">The catalog's image models in order, for <see cref="ImageModels"/>.</param>
    public RunSpec ToSpec(IEnumerable<string> catalogOrder, IEnumerable<string>? imageModelOrder = null) => new()
    {
        Kind = RunKind.Run,
        Name = "dashboard",
        Looks =
        [
            new LookSpec
            {
                Id = "look", PersonImage = PersonImage ?? "person", FaceImage = FaceImage, OutfitImages = [.. OutfitImages],
                OutfitGarments = [.. OutfitGarments],
                Person = Person(),
                Environment = new EnvironmentAttributes { ApparelType = Blank(Apparel), Setting = Blank(Setting), VisualCues = Blank(Cues) },
                Description = Blank(Description),
            },
        ],
        Models = [.. catalogOrder.Where(Models.Contains)],
        Durations = [Duration],
        GateImage = GateImage,
        ImageModels = [.. (imageModelOrder ?? []).Where(ImageModels.Contains)],
        Angles = [.. Enum.GetValues<CameraAngle>().Where(Angles.Contains)],
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
