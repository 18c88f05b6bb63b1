namespace Catwalk.Quality;

/// <summary>What the video was asked to be and what its model promises; each given value is checked (spec compliance).</summary>
public sealed record VideoExpectation
{
    public double? DurationSec { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public double? Fps { get; init; }
    /// <summary>True: the model promised sound; false: it was asked for silence.</summary>
    public bool? Audio { get; init; }
    /// <summary>How far the duration may be off before it is flagged.</summary>
    public double DurationToleranceSec { get; init; } = 0.5;
}
