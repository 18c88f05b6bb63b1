namespace Catwalk.Fal;

/// <summary>How to reach fal; bound from the "Fal" configuration section and validated at start.</summary>
public sealed class FalOptions
{
    public Uri QueueUrl { get; set; } = new("https://queue.fal.run");
    public Uri StorageUrl { get; set; } = new("https://rest.fal.ai");
    public FalKey? Key { get; set; }
    /// <summary>Per HTTP call (not per job).</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>fal sends a keep-alive every 15 s; a silent stream for longer is treated as broken.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(20);
    public int MaxRetries { get; set; } = 4;
}
