namespace Catwalk.Dashboard.Data;

/// <summary>
/// Views built from the store, each kept with the change stamp it was built at (<see cref="DashboardData.StampAsync"/>):
/// asked again at the same stamp, the kept one is returned; at another, it is built again. A page over 100,000 jobs
/// then costs one scan while nothing changed, and every visit (prerendered, then over the circuit) shows current data.
/// </summary>
public sealed class StampedCache(int capacity = 64)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Stamp, object? Value)> _kept = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, string stamp, Func<Task<T>> build)
    {
        lock (_gate)
            if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp && kept.Value is T value) return value;
        var built = await build();
        lock (_gate)
        {
            if (_kept.Count >= capacity && !_kept.ContainsKey(key)) _kept.Clear(); // many filters tried: start again rather than grow
            _kept[key] = (stamp, built);
        }
        return built;
    }
}
