namespace Catwalk.Quality.Fashion;

/// <summary>The vision worker failed (would not start, died twice, answered with an error): the fashion metrics are skipped, the video is not failed.</summary>
public sealed class VisionWorkerException(string message, Exception? inner = null) : Exception(message, inner);
