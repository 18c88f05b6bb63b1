namespace Catwalk.Fal;

/// <summary>A media file fal returned could not be saved whole: not found, empty, truncated or not what it claims to be.</summary>
public sealed class FalMediaException(string message, Exception? inner = null) : FalException(message, null, null, null, inner)
{
    /// <summary>A broken transfer (cut short, dropped): trying again may get the whole file.</summary>
    public bool Transient { get; init; }
}
