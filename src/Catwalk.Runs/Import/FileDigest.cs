using System.Security.Cryptography;

namespace Catwalk.Runs.Import;

/// <summary>A file's SHA-256 (lower-case hex, as Catwalk's sidecars record it) and size.</summary>
internal sealed record FileDigest(string Sha256, long Bytes)
{
    /// <summary>Streams the file, so a large video is never held in memory.</summary>
    public static async Task<FileDigest> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return new FileDigest(Convert.ToHexStringLower(hash), stream.Length);
    }
}
