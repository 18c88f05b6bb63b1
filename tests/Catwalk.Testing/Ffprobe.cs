using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Catwalk.Testing;

/// <summary>What ffprobe says about a media file: the truth tests check generated videos against.</summary>
public sealed record Ffprobe(string VideoCodec, int Width, int Height, double Fps, double DurationSeconds, bool HasAudio)
{
    public static async Task<Ffprobe> ProbeAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-v", "error", "-show_streams", "-show_format", "-of", "json", path }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffprobe failed on {path}: {await process.StandardError.ReadToEndAsync()}");
        using var doc = JsonDocument.Parse(output);
        var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.First(s => s.GetProperty("codec_type").GetString() == "video");
        var rate = video.GetProperty("r_frame_rate").GetString()!.Split('/');
        var fps = double.Parse(rate[0], CultureInfo.InvariantCulture) / double.Parse(rate[1], CultureInfo.InvariantCulture);
        var duration = double.Parse(doc.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        return new Ffprobe(video.GetProperty("codec_name").GetString()!, video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(),
            fps, duration, streams.Any(s => s.GetProperty("codec_type").GetString() == "audio"));
    }
}
