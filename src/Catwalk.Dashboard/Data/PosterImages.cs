using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// A video's poster: its first frame as a JPEG (at most <see cref="Side"/> pixels on the long side), cut with ffmpeg on
/// first request and cached under <c>&lt;outputs&gt;/.cache/posters</c> (written to a temp file, then renamed, so a reader
/// never sees half a JPEG). Only a video job whose file lies inside its run's output folder is ever decoded.
/// </summary>
public sealed class PosterImages(MediaFiles media, DashboardOptions options, ILogger<PosterImages> logger)
{
    public const int Side = 480;

    // A matrix asks for every cell's poster at once: two decodes at a time keep a 2-core machine responsive.
    private readonly SemaphoreSlim _decodes = new(2, 2);

    public string CacheFolder { get; } = Path.Combine(Path.GetFullPath(options.OutputRoot), ".cache", "posters");

    /// <summary>The cached poster of the job's video; null when it is not a video inside its run's outputs, or ffmpeg cannot cut it.</summary>
    public async Task<string?> GetAsync(string jobId, CancellationToken ct = default)
    {
        if (await media.FindInOutputsAsync(jobId, ct) is not var (job, file) || !file.IsVideo) return null;
        var info = new FileInfo(file.Path);
        // The name holds the file's path, size and date: a replaced video gets a new poster, never a stale one.
        var target = Path.Combine(CacheFolder, $"{Hash(job.Id)}-{Hash($"{file.Path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")}.jpg");
        if (File.Exists(target)) return target;

        await _decodes.WaitAsync(ct);
        try
        {
            if (File.Exists(target)) return target; // cut by the request this one waited behind
            Directory.CreateDirectory(CacheFolder);
            var temp = $"{target}.{Guid.NewGuid():N}.tmp.jpg";
            try
            {
                string[] args = ["-v", "error", "-nostdin", "-y", "-i", file.Path, "-frames:v", "1", "-an",
                    "-vf", $"scale='min({Side},iw)':'min({Side},ih)':force_original_aspect_ratio=decrease", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", temp];
                var (exit, error) = await FfmpegProcess.RunAsync("ffmpeg", args, ct, stdout: false);
                if (exit != 0 || !File.Exists(temp) || new FileInfo(temp).Length == 0)
                {
                    logger.LogWarning("The poster of job {Job} could not be cut from {File}: {Error}", job.Id, file.Path, error.Trim());
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

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
