using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// Pictures cut from media with ffmpeg once and kept on disk: a cut is written to a temp file and renamed, so a reader
/// never sees half a JPEG, and at most two cuts run at once (a page asks for many pictures together; two keep a 2-core
/// machine responsive). Shared by the frame strip's pictures and the posters.
/// </summary>
internal sealed class JpegCutCache(ILogger logger)
{
    private readonly SemaphoreSlim _decodes = new(2, 2);

    /// <summary><paramref name="target"/>, cut by ffmpeg with <paramref name="arguments"/> (given the file to write) unless it exists; null when ffmpeg could not cut it.</summary>
    /// <param name="what">Names the picture in the warning ("the poster of job …").</param>
    public async Task<string?> GetOrCutAsync(string target, Func<string, IReadOnlyList<string>> arguments, string what, CancellationToken ct)
    {
        if (File.Exists(target)) return target;
        await _decodes.WaitAsync(ct);
        try
        {
            if (File.Exists(target)) return target; // cut by the request this one waited behind
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = $"{target}.{Guid.NewGuid():N}.tmp.jpg";
            try
            {
                var (exit, error) = await FfmpegProcess.RunAsync("ffmpeg", arguments(temp), ct, stdout: false);
                if (exit != 0 || !File.Exists(temp) || new FileInfo(temp).Length == 0)
                {
                    logger.LogWarning("{What} could not be cut: {Error}", what, error.Trim());
                    return null;
                }
                File.Move(temp, target, overwrite: true);
                return target;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>A short, file-name-safe digest for cache names.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
