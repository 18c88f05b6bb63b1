namespace Catwalk.Fal;

/// <summary>A log line from the model's runner, as fal reports it on status.</summary>
public sealed record FalLogEntry(string Message, string? Level, DateTimeOffset? Timestamp);
