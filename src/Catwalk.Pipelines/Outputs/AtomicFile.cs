using System.Text;

namespace Catwalk.Pipelines.Outputs;

/// <summary>Writes a file so that readers see either nothing or the whole file: a temp file beside it, flushed, then renamed.</summary>
public static class AtomicFile
{
    /// <remarks>
    /// Written synchronously: on Linux an "asynchronous" file write is the same write handed to another pool thread (a
    /// wake-up and a thread switch for each write and flush), and this one only copies a small sidecar into the page cache;
    /// the fsync, which does wait for the disk, was synchronous already. Still a task, for its callers.
    /// </remarks>
    public static Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken = default)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.tmp-{Guid.NewGuid():N}";
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: false))
                {
                    stream.Write(Encoding.UTF8.GetBytes(contents));
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    /// <summary>Copies a file so the destination is either absent or complete.</summary>
    public static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = $"{destination}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await using (var to = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
                to.Flush(flushToDisk: true);
            }
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
