using System.Globalization;
using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>The durations a video model accepts and how it wants them written.</summary>
public sealed record DurationSpec
{
    public required string Field { get; init; }
    public DurationFormat Format { get; init; } = DurationFormat.Integer;
    /// <summary>A closed list of whole seconds; when empty, <see cref="Minimum"/>..<see cref="Maximum"/> applies.</summary>
    public IReadOnlyList<int> Allowed { get; init; } = [];
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    public int Default { get; init; }
    /// <summary>For <see cref="DurationFormat.Frames"/>: the model's frame rate.</summary>
    public int? FramesPerSecond { get; init; }
    /// <summary>For <see cref="DurationFormat.Frames"/>: the largest frame count the model takes.</summary>
    public int? MaxFrames { get; init; }

    public bool IsAllowed(int seconds) =>
        Allowed.Count > 0 ? Allowed.Contains(seconds) : seconds >= (Minimum ?? 1) && seconds <= (Maximum ?? int.MaxValue);

    /// <summary>Every whole-second duration the model takes, ascending.</summary>
    public IReadOnlyList<int> AllowedValues() =>
        Allowed.Count > 0
            ? [.. Allowed.Order()]
            : [.. Enumerable.Range(Minimum ?? 1, (Maximum ?? Minimum ?? 1) - (Minimum ?? 1) + 1)];

    /// <summary>"4s, 6s or 8s" / "1–15 s": for messages.</summary>
    public string Describe() =>
        Allowed.Count > 0
            ? string.Join(", ", Allowed.Order().Select(s => $"{s}s"))
            : $"{Minimum ?? 1}–{Maximum} s (whole seconds)";

    /// <summary>The JSON value for <paramref name="seconds"/> in the model's own form.</summary>
    public JsonNode ToArgument(int seconds) => Format switch
    {
        DurationFormat.Integer => JsonValue.Create(seconds),
        DurationFormat.String => JsonValue.Create(seconds.ToString(CultureInfo.InvariantCulture)),
        DurationFormat.SecondsSuffix => JsonValue.Create($"{seconds}s"),
        DurationFormat.Frames => JsonValue.Create(FramesFor(seconds)),
        _ => throw new InvalidOperationException($"Unknown duration format {Format}."),
    };

    /// <summary>Reads a duration argument back into seconds (what fal bills and renders); null if unreadable.</summary>
    public double? FromArgument(JsonNode? value)
    {
        if (!JsonNumbers.TryGet(value, out var number)) return null;
        return Format == DurationFormat.Frames ? number / (FramesPerSecond ?? 24) : number;
    }

    private int FramesFor(int seconds)
    {
        var fps = FramesPerSecond ?? 24;
        // n·fps + 1 frames is how these models count a clip of n seconds (121 frames = 5 s at 24 fps).
        var frames = seconds * fps + 1;
        return MaxFrames is { } max ? Math.Min(frames, max) : frames;
    }
}
