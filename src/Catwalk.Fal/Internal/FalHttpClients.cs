namespace Catwalk.Fal.Internal;

/// <summary>The named HttpClients: each has its own handler chain (auth, retries) sized to its job.</summary>
internal static class FalHttpClients
{
    /// <summary>Queue calls: authorized, retried as the method allows, per-attempt timeout.</summary>
    public const string Queue = "catwalk-fal-queue";
    /// <summary>The status stream: authorized, long-lived, not retried (the waiter falls back to polling).</summary>
    public const string Stream = "catwalk-fal-stream";
    /// <summary>Storage initiate: authorized, retried.</summary>
    public const string Storage = "catwalk-fal-storage";
    /// <summary>fal's Platform APIs (models, pricing, usage, request history): authorized, retried like reads (they change nothing).</summary>
    public const string Platform = "catwalk-fal-platform";
    /// <summary>Uploads to the pre-signed URL and media downloads: no Authorization header ever.</summary>
    public const string Media = "catwalk-fal-media";
}
