namespace Catwalk.Catalog;

/// <summary>The settings a video model will actually run with (asked-for values fitted, defaults filled in).</summary>
public sealed record ModelSettings(int DurationSeconds, string? Resolution, string? AspectRatio, bool Audio, int Fps);
