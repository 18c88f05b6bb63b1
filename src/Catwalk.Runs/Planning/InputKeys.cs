using System.Text.RegularExpressions;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Planning;

/// <summary>
/// How a run's jobs are named: the image job of a look by the look's id, its video jobs by look and duration.
/// File tags keep several looks' files apart in the seed's layout; a one-look run keeps the seed's names.
/// </summary>
public static partial class InputKeys
{
    public static string Image(LookSpec look) => look.Id;

    public static string Video(LookSpec look, int? duration) => $"{look.Id}@{(duration is { } d ? $"{d}s" : "default")}";

    public static string? ImageTag(RunSpec spec, LookSpec look) => spec.Looks.Count == 1 ? null : Slug(look.Id);

    public static string? VideoTag(RunSpec spec, LookSpec look, int? duration) =>
        spec.Looks.Count == 1 && spec.Durations.Count == 1 ? null
        : Slug(spec.Looks.Count == 1 ? Video(look, duration)[(look.Id.Length + 1)..] : Video(look, duration));

    private static string Slug(string text) => NotSafe().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSafe();
}
