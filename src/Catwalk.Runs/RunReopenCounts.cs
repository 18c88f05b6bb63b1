namespace Catwalk.Runs;

/// <summary>What <c>catwalk resume</c> reopened before going on: failed jobs, jobs fal cancelled, jobs that may be at fal.</summary>
public sealed record RunReopenCounts(int Failed, int Cancelled, int Unknown, int FoundMidSend);
