namespace Catwalk.Emulator.Rendering;

/// <summary>What a video render must produce: frame size, rate, length, audio and the label drawn on it.</summary>
internal sealed record VideoSpec(int Width, int Height, int Fps, double DurationSeconds, bool Audio, string Label);
