namespace Catwalk.Dashboard.Api;

/// <summary>Jobs saved in one minute (UTC, the minute's start).</summary>
public sealed record MinuteCount(DateTimeOffset Minute, int Downloaded);
