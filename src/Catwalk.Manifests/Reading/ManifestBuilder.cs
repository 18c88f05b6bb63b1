using YamlDotNet.RepresentationModel;

namespace Catwalk.Manifests.Reading;

/// <summary>The manifest's top-level fields → <see cref="BatchManifest"/>.</summary>
internal static class ManifestBuilder
{
    /// <summary>The fields a manifest may have, in the documentation's order.</summary>
    public static readonly string[] Keys =
    [
        "name", "models", "durations", "video", "strict_duration", "video_prompt", "seed", "image_aspect_ratio",
        "concurrency", "per_endpoint", "budget", "gate_image", "image_models", "angles", "turnaround", "people", "outfits", "settings", "description",
    ];

    public static readonly string[] VideoKeys = ["resolution", "aspect_ratio", "audio", "negative_prompt"];

    public static BatchManifest Build(YamlNode root, SourceFile file, IReadOnlyCollection<string> knownModelKeys, IReadOnlyCollection<string> knownImageModelKeys)
    {
        var f = new YamlFields(root, file, "", Keys);
        var entries = new EntryReader(file);
        // The initializer runs in order: the cheap fields are checked before the entries touch the file system.
        return new BatchManifest
        {
            Name = f.Text("name"),
            SourcePath = file.Path,
            Models = ModelKeys.Resolve(f, knownModelKeys),
            Durations = Durations(f),
            Video = Video(f.Mapping("video", VideoKeys)),
            StrictDuration = Scalars.Flag(f.Text("strict_duration"), f.At("strict_duration")) ?? false,
            VideoPrompt = f.Text("video_prompt"),
            Seed = ManifestValidator.Seed(Scalars.LongNumber(f.Text("seed"), f.At("seed"), "e.g. seed: 42"), f.At("seed")),
            ImageAspectRatio = ManifestValidator.AspectRatio(f.Text("image_aspect_ratio"), f.At("image_aspect_ratio")),
            Concurrency = PositiveCount(f, "concurrency", "jobs"),
            PerEndpointConcurrency = PositiveCount(f, "per_endpoint", "jobs"),
            BudgetUsd = ManifestValidator.Budget(Scalars.Money(f.Text("budget"), f.At("budget"), "give US dollars, e.g. budget: 25.00"), f.At("budget")),
            ImageModels = f.List("image_models") is not null ? ModelKeys.Resolve(f, knownImageModelKeys, "image_models", "image") : [],
            Angles = Angles(f),
            Turnaround = Scalars.Flag(f.Text("turnaround"), f.At("turnaround")) ?? false,
            GateImage = Scalars.Flag(f.Text("gate_image"), f.At("gate_image")) ?? false,
            Looks = LookExpander.Expand(entries.People(f), entries.Outfits(f), entries.Settings(f), f.Text("description"), f.At("people")),
        };
    }

    /// <summary>Camera angles by their words ("front", "three-quarter", "side", "back", or "all"); empty when not given.</summary>
    private static IReadOnlyList<Catwalk.Domain.CameraAngle> Angles(YamlFields f)
    {
        if (f.List("angles") is not { } written) return [];
        var angles = new List<Catwalk.Domain.CameraAngle>();
        foreach (var item in written)
        {
            try
            {
                angles.AddRange(Catwalk.Domain.CameraAngles.Parse(item.Text).Where(a => !angles.Contains(a)));
            }
            catch (Catwalk.Domain.InvalidInputException)
            {
                throw item.At.Error($"'{item.Text}' is not an angle; the angles are {string.Join(", ", Catwalk.Domain.CameraAngles.Words)} (or all)");
            }
        }
        return angles;
    }

    /// <summary>Positive, de-duplicated seconds; [null] (each model's default) when none are given.</summary>
    private static IReadOnlyList<int?> Durations(YamlFields f)
    {
        if (f.List("durations") is not { } written) return [null];
        var seconds = new List<int?>();
        foreach (var item in written)
        {
            var value = ManifestValidator.Positive(Scalars.WholeNumber(item.Text, item.At, "give seconds, e.g. durations: [5, 8]"), item.At, "seconds");
            if (!seconds.Contains(value)) seconds.Add(value);
        }
        return seconds.AsReadOnly();
    }

    private static BatchVideoOptions Video(YamlFields? video) => video is null
        ? new BatchVideoOptions()
        : new BatchVideoOptions
        {
            Resolution = ManifestValidator.Resolution(video.Text("resolution"), video.At("resolution")),
            AspectRatio = ManifestValidator.AspectRatio(video.Text("aspect_ratio"), video.At("aspect_ratio")),
            Audio = Scalars.Flag(video.Text("audio"), video.At("audio")),
            NegativePrompt = video.Text("negative_prompt"),
        };

    private static int? PositiveCount(YamlFields f, string key, string unit) =>
        ManifestValidator.Positive(Scalars.WholeNumber(f.Text(key), f.At(key), $"e.g. {key}: 4"), f.At(key), unit);
}
