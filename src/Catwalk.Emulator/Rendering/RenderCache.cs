using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Renders keyed by everything that changes their pixels, so a batch never encodes the same clip twice. Entries are
/// written to a temp name and renamed, so concurrent jobs and processes only ever see whole files.
/// </summary>
internal sealed class RenderCache(string directory, StatsCounter stats)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new();

    public string Directory { get; } = System.IO.Directory.CreateDirectory(directory).FullName;

    public static string Key(params object[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p is byte[] bytes ? Convert.ToHexString(SHA256.HashData(bytes)) : Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The cached file for <paramref name="key"/>, rendering it with <paramref name="render"/> (given a temp path) when absent.</summary>
    public async Task<string> GetOrRenderAsync(string key, string extension, Func<string, CancellationToken, Task> render, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, key + extension);
        if (File.Exists(path))
        {
            stats.CacheHit();
            return path;
        }
        var mine = new Lazy<Task<string>>(() => RenderNowAsync(path, render, cancellationToken));
        var lazy = _inFlight.GetOrAdd(key, mine);
        if (!ReferenceEquals(lazy, mine)) stats.CacheHit(); // joined an identical render already under way: no encode of its own
        try { return await lazy.Value; }
        finally { _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, lazy)); }
    }

    private async Task<string> RenderNowAsync(string path, Func<string, CancellationToken, Task> render, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) // finished (here or in another process) between the first look and now
        {
            stats.CacheHit();
            return path;
        }
        var temp = $"{path}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}";
        try
        {
            await render(temp, cancellationToken);
            File.Move(temp, path, overwrite: true);
            stats.Render();
            return path;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
