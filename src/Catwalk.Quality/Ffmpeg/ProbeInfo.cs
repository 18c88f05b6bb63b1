using System.Globalization;
using System.Text.Json;
using Catwalk.Domain;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>What ffprobe says of a video: duration, size, frame rate, codec, and whether it has sound.</summary>
internal sealed record ProbeInfo(double DurationSec, int Width, int Height, double Fps, string Codec, bool HasAudio, int? Frames)
{
    public static async Task<ProbeInfo> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (code, stdout, stderr) = await FfmpegProcess.RunAsync("ffprobe",
            ["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate,nb_frames:format=duration", "-of", "json", path], cancellationToken).ConfigureAwait(false);
        if (code != 0) throw new InvalidInputException($"'{path}' is not a readable video: {stderr.Trim().Split('\n')[0]}");
        using var json = JsonDocument.Parse(stdout);
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "video");
        if (video.ValueKind == JsonValueKind.Undefined) throw new InvalidInputException($"'{path}' has no video stream.");
        var duration = json.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d) ? Number(d.GetString()) : 0;
        return new ProbeInfo(
            duration, video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(),
            Rate(video, "avg_frame_rate") is > 0 and var avg ? avg : Rate(video, "r_frame_rate"),
            video.GetProperty("codec_name").GetString() ?? "?",
            streams.Any(s => s.GetProperty("codec_type").GetString() == "audio"),
            video.TryGetProperty("nb_frames", out var n) && int.TryParse(n.GetString(), out var frames) ? frames : null);
    }

    private static double Rate(JsonElement stream, string name)
    {
        if (!stream.TryGetProperty(name, out var value) || value.GetString() is not { } text) return 0;
        var parts = text.Split('/');
        return parts.Length == 2 && Number(parts[1]) is > 0 and var den ? Number(parts[0]) / den : Number(text);
    }

    private static double Number(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
