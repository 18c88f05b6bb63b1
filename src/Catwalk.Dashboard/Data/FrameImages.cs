using System.Globalization;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Store;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// The frame strip's pictures: a sampled frame (at its stored time) as a small JPEG, or its face box enlarged, cut
/// with ffmpeg on first request and cached under <c>&lt;outputs&gt;/.cache/frames</c> (written to a temp file, then
/// renamed, so a reader never sees half a JPEG). Only a job whose media lies inside its run's output folder, and only
/// the frames its stored fashion metrics name, are ever decoded.
/// </summary>
public sealed class FrameImages(MediaFiles media, DashboardOptions options, ILogger<FrameImages> logger)
{
    /// <summary>Thumbnails fit this many pixels on the long side; face crops this many.</summary>
    public const int ThumbnailSide = 320;
    public const int FaceSide = 128;

    private readonly JpegCutCache _cuts = new(logger);

    public string CacheFolder { get; } = Path.Combine(Path.GetFullPath(options.OutputRoot), ".cache", "frames");

    /// <summary>The cached JPEG of frame <paramref name="index"/> of the job's stored fashion frames; null when there is no such frame or no file to cut it from.</summary>
    public async Task<string?> GetAsync(string jobId, int index, FramePart part, CancellationToken ct = default)
    {
        if (index < 0 || await media.FindInOutputsAsync(jobId, ct) is not var (job, file)) return null;
        FashionMetrics? fashion;
        try { fashion = MetricsJson.DeserializeFashion(job.MetricsJson); }
        catch (System.Text.Json.JsonException) { return null; }
        if (fashion is null || index >= fashion.Frames.Count) return null;
        var frame = fashion.Frames[index];
        if (part == FramePart.Face && frame.FaceBox is not [_, _, > 0, > 0]) return null;
        var size = frame.Width > 0 && frame.Height > 0 ? (frame.Width, frame.Height) : await MeasuredSizeAsync(job, ct);
        if (size is not var (width, height) || width <= 0 || height <= 0) return null;

        var info = new FileInfo(file.Path);
        var key = string.Join("|", file.Path, info.Length, info.LastWriteTimeUtc.Ticks, frame.TimeSec.ToString("R", CultureInfo.InvariantCulture), part,
            width, height, frame.FaceBox is { } b ? string.Join(",", b.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) : "");
        var target = Path.Combine(CacheFolder, JpegCutCache.Hash(job.Id), $"{index}-{part.ToString().ToLowerInvariant()}-{JpegCutCache.Hash(key)}.jpg");
        return await _cuts.GetOrCutAsync(target, temp => Arguments(file, frame, part, width, height, temp), $"Frame {index} of job {job.Id} from {file.Path}", ct);
    }

    /// <summary>
    /// The size of the picture a job's fashion frames were measured in, for rows stored before it was kept: a video's
    /// frames as the sampling shrinks them (<see cref="SampledFrames"/>), a generated image at its own size.
    /// </summary>
    public async Task<(int Width, int Height)?> MeasuredSizeAsync(JobRecord job, CancellationToken ct = default)
    {
        try
        {
            if (MetricsJson.Deserialize(job.MetricsJson) is { Width: > 0, Height: > 0 } video) return SampledFrames.Size(video.Width, video.Height);
        }
        catch (System.Text.Json.JsonException) { return null; }
        if (await media.FindInOutputsAsync(job.Id, ct) is not var (_, file)) return null;
        var (exit, output) = await RunAsync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", file.Path], ct, stdout: true);
        var parts = output.Trim().Split('x');
        if (exit != 0 || parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h)) return null;
        return file.IsVideo ? SampledFrames.Size(w, h) : (w, h);
    }

    private static List<string> Arguments(MediaFile file, FashionFrame frame, FramePart part, int width, int height, string output)
    {
        var args = new List<string> { "-v", "error", "-nostdin", "-y" };
        // Seek a hair before the stored time (rounded to ms): the frame sampled is the first one at or after it.
        if (file.IsVideo) args.AddRange(["-ss", Math.Max(0, frame.TimeSec - 0.005).ToString("0.000", CultureInfo.InvariantCulture)]);
        args.AddRange(["-i", file.Path, "-frames:v", "1", "-an"]);
        // First to the measured size, so the stored pixel positions apply; then the part, shrunk.
        var filter = $"scale={width}:{height}";
        if (part == FramePart.Face)
        {
            var (x, y, w, h) = FaceCrop(frame.FaceBox!, width, height);
            filter += $",crop={w}:{h}:{x}:{y},scale={FaceSide}:{FaceSide}:force_original_aspect_ratio=decrease";
        }
        else filter += $",scale='min({ThumbnailSide},iw)':'min({ThumbnailSide},ih)':force_original_aspect_ratio=decrease";
        args.AddRange(["-vf", filter, "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", output]);
        return args;
    }

    /// <summary>The face box with a fifth of its size around it, inside the frame.</summary>
    internal static (int X, int Y, int W, int H) FaceCrop(IReadOnlyList<double> box, int width, int height)
    {
        var margin = 0.2 * Math.Max(box[2], box[3]);
        var x0 = (int)Math.Clamp(Math.Floor(box[0] - margin), 0, width - 2);
        var y0 = (int)Math.Clamp(Math.Floor(box[1] - margin), 0, height - 2);
        var x1 = (int)Math.Clamp(Math.Ceiling(box[0] + box[2] + margin), x0 + 2, width);
        var y1 = (int)Math.Clamp(Math.Ceiling(box[1] + box[3] + margin), y0 + 2, height);
        return (x0, y0, x1 - x0, y1 - y0);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args, CancellationToken ct, bool stdout) =>
        FfmpegProcess.RunAsync(program, args, ct, stdout);
}
