using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Catwalk.Domain;
using Catwalk.Fal;
using SkiaSharp;

namespace Catwalk.Pipelines.Outputs;

/// <summary>
/// Checks that a downloaded file is what fal says it is: a video with a video stream and a length (an MP4's
/// structure is checked in-process; other containers by ffprobe); an image that decodes. A bad file is kept
/// beside the result as <c>*.invalid</c> for inspection.
/// </summary>
public static class MediaVerifier
{
    public static async Task VerifyVideoAsync(string path, CancellationToken cancellationToken = default)
    {
        // One open for the sniff and the MP4 check (this runs once per downloaded video). Read synchronously: the file was
        // just written, and an asynchronous read on Linux is the same read on another pool thread (a thread switch each).
        using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            var start = new byte[8];
            var read = RandomAccess.Read(file, start, 0);
            if (Mp4Structure.LooksLikeIsoMedia(start.AsSpan(0, read)))
            {
                if (await Mp4Structure.CheckAsync(file, cancellationToken).ConfigureAwait(false) is { } problem) throw Bad(path, problem);
                return;
            }
        }
        await ProbeAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Any other container: ffprobe must read it and find a video stream with a length.</summary>
    private static async Task ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "json", path })
            start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { throw Bad(path, "ffprobe is not installed, so it cannot be checked (sudo apt-get install -y ffmpeg)"); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var problem = (await stderr.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0) throw Bad(path, $"it is not a readable video ({FirstLine(problem)})");
            using var json = JsonDocument.Parse(await stdout.ConfigureAwait(false));
            var hasVideo = json.RootElement.TryGetProperty("streams", out var streams) && streams.GetArrayLength() > 0;
            var duration = json.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
                && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            if (!hasVideo) throw Bad(path, "it has no video stream");
            if (duration <= 0) throw Bad(path, "it has no length");
            if (problem.Length > 0) throw Bad(path, $"ffprobe reports damage ({FirstLine(problem)})");
        }
    }

    public static async Task VerifyImageAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (ImageSniffer.ContentType(bytes) is null) throw Bad(path, $"it is not a PNG, JPEG or WebP image (content: {ImageSniffer.Describe(bytes)})");
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null) throw Bad(path, "it does not decode as an image");
    }

    private static FalMediaException Bad(string path, string why)
    {
        var kept = path + ".invalid";
        if (File.Exists(path)) File.Move(path, kept, overwrite: true);
        return new FalMediaException($"The file fal returned is not usable: {why}. Kept as {Path.GetFileName(kept)}.");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
