namespace Catwalk.Store;

/// <summary>Jobs saved (downloaded) in one minute; <see cref="Minute"/> is the minute's start, unix ms (UTC).</summary>
public sealed record MinuteCount(long Minute, int Downloaded);
