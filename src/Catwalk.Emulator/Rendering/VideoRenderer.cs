using Catwalk.Catalog;
using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

namespace Catwalk.Emulator.Rendering;

/// <summary>
/// Stands in for a video model with ffmpeg: the input image, covering a canvas a little larger than the frame, is
/// panned across it (visible motion), with the model's name and a frame counter drawn on, encoded as H.264
/// (yuv420p, faststart) at the model's size, rate and length; an AAC tone when the model makes audio.
/// </summary>
internal static class VideoRenderer
{
    private const double Overscan = 1.18;

    /// <summary>Part of every render-cache key: bump it when the pixels this renderer makes change, so old entries are not served.</summary>
    public const string Version = "2";

    public static async Task RenderAsync(byte[] image, VideoSpec spec, string outputPath, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("catwalk-render-").FullName;
        try
        {
            var canvasPath = Path.Combine(work, "canvas.rgba");
            var (cw, ch) = (VideoGeometry.Even(spec.Width * Overscan), VideoGeometry.Even(spec.Height * Overscan));
            await File.WriteAllBytesAsync(canvasPath, Cover(image, cw, ch), cancellationToken);
            var d = spec.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var fontSize = Math.Max(14, spec.Height / 22);
            var rate = spec.Fps.ToString(CultureInfo.InvariantCulture);
            var filter = string.Join(',',
                // The still is read and converted once and repeated by the loop filter: re-decoding an image input
                // for every frame (-loop 1) cost about 40 % more CPU on a 1080p clip.
                $"loop=loop=-1:size=1:start=0,setpts=N/{rate}/TB",
                $"crop={spec.Width}:{spec.Height}:x='(in_w-out_w)*t/{d}':y='(in_h-out_h)*(1-t/{d})'",
                $"drawtext=fontfile={Fonts.BoldPath}:text='{Escape(spec.Label)}':x=(w-text_w)/2:y=h*0.06:fontsize={fontSize}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw={fontSize / 3}",
                $"drawtext=fontfile={Fonts.SansPath}:text='EMULATED  frame %{{n}}':x=w*0.04:y=h*0.06+{fontSize * 2}:fontsize={fontSize * 2 / 3}:fontcolor=white@0.85",
                "format=yuv420p");
            var args = new List<string> { "-hide_banner", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{cw}x{ch}", "-framerate", rate, "-i", canvasPath };
            if (spec.Audio) args.AddRange(["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100"]);
            args.AddRange(["-vf", filter, "-t", d, "-r", rate, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "26", "-pix_fmt", "yuv420p"]);
            if (spec.Audio) args.AddRange(["-c:a", "aac", "-b:a", "64k", "-shortest"]);
            args.AddRange(["-movflags", "+faststart", outputPath]);
            await RunFfmpegAsync(args, cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The image scaled to cover <paramref name="width"/>×<paramref name="height"/>, as raw RGBA (no encode/decode round trip).</summary>
    private static byte[] Cover(byte[] image, int width, int height)
    {
        using var source = SKBitmap.Decode(image) ?? throw new InvalidOperationException("The input image cannot be decoded.");
        // Opaque black underneath: premultiplied bytes then equal the straight RGBA ffmpeg reads.
        using var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(SKColors.Black);
            var scale = Math.Max((float)width / source.Width, (float)height / source.Height);
            var (w, h) = (source.Width * scale, source.Height * scale);
            using var sourceImage = SKImage.FromBitmap(source);
            canvas.DrawImage(sourceImage, SKRect.Create((width - w) / 2, (height - h) / 2, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        return frame.Bytes;
    }

    private static async Task RunFfmpegAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started; install it with: sudo apt-get install -y ffmpeg");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {(await stderr).Trim()}");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("'", "’").Replace(":", "\\:").Replace("%", "\\%");
}
