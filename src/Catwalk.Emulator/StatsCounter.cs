using System.Collections.Concurrent;

namespace Catwalk.Emulator;

/// <summary>Thread-safe counters behind <see cref="EmulatorStats"/>.</summary>
internal sealed class StatsCounter
{
    private readonly ConcurrentDictionary<string, int[]> _endpoints = new();
    private int _uploads, _downloads, _renders, _cacheHits, _requests, _platformCalls;
    private long _bytesReceived;

    public StatsCounter(IEnumerable<string> endpointIds)
    {
        foreach (var id in endpointIds) _endpoints.TryAdd(id, new int[5]);
    }

    public void Submission(string endpoint) => Add(endpoint, 0);
    public void StatusCall(string endpoint) => Add(endpoint, 1);
    public void StreamCall(string endpoint) => Add(endpoint, 2);
    public void Result(string endpoint) => Add(endpoint, 3);
    public void Cancel(string endpoint) => Add(endpoint, 4);
    public void Upload() => Interlocked.Increment(ref _uploads);
    public void Download() => Interlocked.Increment(ref _downloads);
    public void Render() => Interlocked.Increment(ref _renders);
    public void CacheHit() => Interlocked.Increment(ref _cacheHits);
    public void PlatformCall() => Interlocked.Increment(ref _platformCalls);

    public void Received(long bytes)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    public EmulatorStats Snapshot() => new(
        _endpoints.ToDictionary(e => e.Key, e => new EndpointStats(
            Volatile.Read(ref e.Value[0]), Volatile.Read(ref e.Value[1]), Volatile.Read(ref e.Value[2]), Volatile.Read(ref e.Value[3]), Volatile.Read(ref e.Value[4]))),
        Volatile.Read(ref _uploads), Volatile.Read(ref _downloads), Volatile.Read(ref _renders), Volatile.Read(ref _cacheHits))
    {
        Requests = Volatile.Read(ref _requests),
        BytesReceived = Interlocked.Read(ref _bytesReceived),
        PlatformCalls = Volatile.Read(ref _platformCalls),
    };

    private void Add(string endpoint, int index) => Interlocked.Increment(ref _endpoints.GetOrAdd(endpoint, _ => new int[5])[index]);
}
