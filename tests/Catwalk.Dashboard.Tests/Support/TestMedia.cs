using System.Diagnostics;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>A real 2-second 320×240 H.264 MP4 made by ffmpeg (once per test run) for range and playback tests.</summary>
public static class TestMedia
{
    private static readonly Lazy<string> Mp4 = new(Make);

    public static string Video => Mp4.Value;

    private static string Make()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("catwalk-dashboard-media-").FullName, "testsrc.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", path })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install -y ffmpeg).");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors}");
        return path;
    }
}
