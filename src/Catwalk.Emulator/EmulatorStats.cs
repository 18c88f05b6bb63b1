namespace Catwalk.Emulator;

/// <summary>
/// Counts of everything the emulator served, per full endpoint id (status and result calls carry only owner/app,
/// so they are attributed through the request id). Served as JSON at <c>GET /_emulator/stats</c> (camelCase).
/// </summary>
public sealed record EmulatorStats(
    IReadOnlyDictionary<string, EndpointStats> Endpoints,
    int Uploads,
    int MediaDownloads,
    int Renders,
    int RenderCacheHits)
{
    /// <summary>Requests to fal's API (queue, storage, files), not counting the emulator's own endpoints.</summary>
    public int Requests { get; init; }
    /// <summary>What clients sent: request lines, headers and bodies of those requests.</summary>
    public long BytesReceived { get; init; }
    /// <summary>Calls to fal's Platform APIs (<c>/v1/models…</c>), faulted ones included.</summary>
    public int PlatformCalls { get; init; }
}
