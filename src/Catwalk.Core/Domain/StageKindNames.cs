namespace Catwalk.Domain;

/// <summary>A stage's name in the store, metadata, telemetry and outputs: the lower-case word (as runs have always stored it).</summary>
public static class StageKindNames
{
    public static string Name(this StageKind stage) => stage switch
    {
        StageKind.Image => "image",
        StageKind.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static StageKind Parse(string name) => TryParse(name, out var stage)
        ? stage
        : throw new FormatException($"'{name}' is not a stage (image or video).");

    public static bool TryParse(string? name, out StageKind stage) =>
        Enum.TryParse(name, ignoreCase: true, out stage) && Enum.IsDefined(stage);
}
