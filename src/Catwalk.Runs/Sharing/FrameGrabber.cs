using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Catwalk.Runs.Sharing;

/// <summary>
/// One frame of a video (or a picture), downscaled, as a JPEG from ffmpeg's stdout: ffmpeg seeks to the time and decodes
/// one frame, so a video is never read into memory — only the small JPEG is.
/// </summary>
public static class FrameGrabber
{
    /// <summary>A JPEG frame is a few tens of kB at these sizes; anything far larger is not what was asked for.</summary>
    private const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The frame at <paramref name="atSec"/>, <paramref name="width"/> px wide; null when ffmpeg could not make one, with the reason.</summary>
    public static async Task<(byte[]? Jpeg, string? Problem)> JpegAsync(string path, double atSec, int width, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-hide_banner", "-nostdin", "-v", "error", "-ss", atSec.ToString("0.###", CultureInfo.InvariantCulture), "-i", path,
                     "-frames:v", "1", "-vf", $"scale={width}:-2", "-q:v", "5", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1" })
            start.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception) { return (null, "ffmpeg is not installed (sudo apt-get install -y ffmpeg)"); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var jpeg = new MemoryStream();
            try
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (jpeg.Length + read > MaxBytes) { process.Kill(entireProcessTree: true); return (null, "ffmpeg's frame was unexpectedly large"); }
                    jpeg.Write(buffer, 0, read);
                }
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var error = (await stderr).Trim();
            return process.ExitCode == 0 && jpeg.Length > 0 ? (jpeg.ToArray(), null) : (null, error.Length > 0 ? error.Split('\n')[^1] : "ffmpeg made no frame");
        }
    }
}
