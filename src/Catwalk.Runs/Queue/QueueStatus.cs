namespace Catwalk.Runs.Queue;

/// <summary>A Hangfire queue: jobs waiting, and jobs fetched by workers.</summary>
public sealed record QueueStatus(string Name, long Waiting, long Fetched);
