using System.Diagnostics;
using System.Text.Json;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

public class MetricsCommandTests
{
    [Fact]
    public async Task A_still_video_is_measured_and_flagged_and_json_has_every_metric()
    {
        using var dir = new TempDirectory();
        var image = TestImages.WritePng(dir.File("still.png"), 320, 240, 1);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-loop", "1", "-framerate", "24", "-i", image, "-t", "2", "-pix_fmt", "yuv420p", dir.File("still.mp4") }) start.ArgumentList.Add(a);
        using (var ffmpeg = Process.Start(start)!) await ffmpeg.WaitForExitAsync();

        var table = await CliRunner.RunAsync(dir.Path, null, "metrics", "still.mp4", "--image", "still.png", "--duration", "5");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("first_frame_ssim");
        table.Stdout.ShouldContain("flag: duration 2 s, asked 5 s");
        table.Stdout.ShouldContain("flag: near-still");

        var json = await CliRunner.RunAsync(dir.Path, null, "metrics", "still.mp4", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        doc.RootElement.GetProperty("frozen_fraction").GetDouble().ShouldBeGreaterThan(0.7);
        foreach (var metric in new[] { "temporal_flicker_score", "motion_score", "black_sec", "cuts" }) doc.RootElement.TryGetProperty(metric, out _).ShouldBeTrue(metric);
    }

    [Fact]
    public async Task A_missing_video_is_a_user_error()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "metrics", "nope.mp4");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("does not exist");
        result.HasStackTrace.ShouldBeFalse();
    }
}
