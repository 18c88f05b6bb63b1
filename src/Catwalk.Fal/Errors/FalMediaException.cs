namespace Catwalk.Fal;

/// <summary>A media file could not be saved whole: not found, empty, truncated, timed out or not media at all.</summary>
public sealed class FalMediaException(string message, Exception? inner = null, int? statusCode = null)
    : FalException(message, statusCode, null, null, inner)
{
    /// <summary>A broken transfer (cut short, dropped): trying again may get the whole file.</summary>
    public bool Transient { get; init; }
}
