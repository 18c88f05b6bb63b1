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

    private readonly JpegCutCache _cuts = new(logger);

    public string CacheFolder { get; } = Path.Combine(Path.GetFullPath(options.OutputRoot), ".cache", "posters");

    /// <summary>The cached poster of the job's video; null when it is not a video inside its run's outputs, or ffmpeg cannot cut it.</summary>
    public async Task<string?> GetAsync(string jobId, CancellationToken ct = default)
    {
        if (await media.FindInOutputsAsync(jobId, ct) is not var (job, file) || !file.IsVideo) return null;
        var info = new FileInfo(file.Path);
        // The name holds the file's path, size and date: a replaced video gets a new poster, never a stale one.
        var target = Path.Combine(CacheFolder, $"{JpegCutCache.Hash(job.Id)}-{JpegCutCache.Hash($"{file.Path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")}.jpg");
        return await _cuts.GetOrCutAsync(target, temp => ["-v", "error", "-nostdin", "-y", "-i", file.Path, "-frames:v", "1", "-an",
            "-vf", $"scale='min({Side},iw)':'min({Side},ih)':force_original_aspect_ratio=decrease", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", temp],
            $"The poster of job {job.Id} from {file.Path}", ct);
    }
}
