using System.Diagnostics;
using Catwalk.Testing;

namespace Catwalk.Quality.Tests;

/// <summary>Short clips made with ffmpeg to show one defect each (frozen, black, flickering, cut) or none.</summary>
public sealed class CraftedVideos : IDisposable
{
    private readonly TempDirectory _dir = new("catwalk-quality-");

    public string Image(string name, int seed) => TestImages.WritePng(_dir.File(name), 320, 240, seed);

    public Task<string> MovingAsync() => EncodeAsync("moving.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24:duration=2");

    /// <summary>A picture with structure (an ffmpeg test source's first frame), so structural similarity can tell two apart.</summary>
    public async Task<string> PatternImageAsync(string name, string source)
    {
        var path = _dir.File(name);
        await RunAsync("-f", "lavfi", "-i", source, "-frames:v", "1", path);
        return path;
    }
    public Task<string> FrozenAsync(string image) => EncodeAsync("frozen.mp4", "-loop", "1", "-framerate", "24", "-i", image, "-t", "2");
    public Task<string> FlickeringAsync() => EncodeAsync("flicker.mp4", "-f", "lavfi", "-i", "color=gray:size=320x240:rate=24:duration=2", "-vf", "geq=lum='128+50*mod(N\\,2)':cb=128:cr=128");
    public Task<string> WithBlackAsync() => EncodeAsync("black.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=24:duration=2", "-f", "lavfi", "-i", "color=black:size=320x240:rate=24:duration=1",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]");
    public Task<string> WithCutAsync() => EncodeAsync("cut.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=24:duration=1.5", "-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=24",
        "-filter_complex", "[1:v]trim=duration=1.5,setpts=PTS-STARTPTS[m];[0:v][m]concat=n=2:v=1[v]", "-map", "[v]");
    /// <summary>A slow zoom into the image: it starts as the image and moves.</summary>
    public Task<string> FromImageAsync(string name, string image) => EncodeAsync(name, "-loop", "1", "-framerate", "24", "-i", image, "-t", "2",
        "-vf", "zoompan=z='1+0.004*on':d=1:s=320x240:fps=24");

    private async Task<string> EncodeAsync(string name, params string[] args)
    {
        var path = _dir.File(name);
        await RunAsync([.. args, "-pix_fmt", "yuv420p", "-c:v", "libx264", path]);
        return path;
    }

    private static async Task RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
    }

    public void Dispose() => _dir.Dispose();
}
