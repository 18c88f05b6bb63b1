using System.Globalization;

namespace Catwalk.Cli.Infrastructure;

/// <summary>A worker's settings from configuration (<c>Catwalk:Worker</c>), validated when its host starts.</summary>
internal sealed class WorkerHostOptions
{
    public const string Section = "Catwalk:Worker";
    public const double MinTakeoverSeconds = 2, MaxTakeoverSeconds = 600, DefaultTakeoverSeconds = 30;

    /// <summary>
    /// How long a dead worker's jobs wait before another takes them over (Hangfire's invisibility, our slots' lifetime).
    /// Kept as written, so that a value that is not a number is refused with that value rather than failing to bind.
    /// </summary>
    public string? TakeoverSeconds { get; set; }

    /// <summary>The seconds given, or the default when none; null when what was given is not a number.</summary>
    public double? Seconds => string.IsNullOrWhiteSpace(TakeoverSeconds) ? DefaultTakeoverSeconds
        : double.TryParse(TakeoverSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) ? s : null;

    public bool IsValid => Seconds is >= MinTakeoverSeconds and <= MaxTakeoverSeconds;

    /// <summary>The takeover time; only meaningful once <see cref="IsValid"/> (the host has started).</summary>
    public TimeSpan Takeover => TimeSpan.FromSeconds(IsValid ? Seconds!.Value : DefaultTakeoverSeconds);
}
