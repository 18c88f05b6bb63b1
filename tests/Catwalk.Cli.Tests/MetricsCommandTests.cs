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

    [Fact]
    public async Task Fashion_metrics_are_a_fashion_object_in_the_json_computed_or_null_with_the_reason()
    {
        using var dir = new TempDirectory();
        var face = TestImages.WritePng(dir.File("face.png"), 160, 160, 2);
        var outfit = TestImages.WritePng(dir.File("top.png"), 160, 160, 3);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24:duration=2", "-pix_fmt", "yuv420p", dir.File("clip.mp4") }) start.ArgumentList.Add(a);
        using (var ffmpeg = Process.Start(start)!) await ffmpeg.WaitForExitAsync();

        var json = await CliRunner.RunAsync(dir.Path, null, "metrics", "clip.mp4", "--face", "face.png", "--outfit", "top.png", "--metric-frames", "4", "--json");
        json.ExitCode.ShouldBe(0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        var fashion = doc.RootElement.GetProperty("fashion");
        foreach (var key in new[] { "identity_mean", "identity_min", "face_found_share", "full_body_share", "garment_delta_e", "garment_hist_intersection" })
            fashion.TryGetProperty(key, out _).ShouldBeTrue(key);
        fashion.GetProperty("flags").ValueKind.ShouldBe(JsonValueKind.Array);
        fashion.GetProperty("notes").GetArrayLength().ShouldBeGreaterThan(0); // a test pattern has no face: the reason is noted
        if (Catwalk.Quality.Fashion.VisionInstall.Find(out var reason) is null)
        {
            fashion.GetProperty("frames_sampled").GetInt32().ShouldBe(0);
            json.Stderr.ShouldContain(reason); // one line saying how to get them
        }
        else
        {
            fashion.GetProperty("frames_sampled").GetInt32().ShouldBe(4);
            fashion.GetProperty("identity_mean").ValueKind.ShouldBe(JsonValueKind.Null);
            fashion.GetProperty("full_body_share").GetDouble().ShouldBe(0);
        }
    }

    [Theory]
    [InlineData("--metric-frames", "0", "--metric-frames must be")]
    [InlineData("--outfit", "nope.png", "--outfit 'nope.png' does not exist")]
    [InlineData("--face", "nope.png", "--face 'nope.png' does not exist")]
    [InlineData("--only", "fashion", "--only goes with --run or --all")]
    public async Task Bad_fashion_options_are_user_errors(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("v.mp4"), 16, 16, 1); // exists; never decoded: validation comes first
        var result = await CliRunner.RunAsync(dir.Path, null, "metrics", "v.mp4", option, value);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain(message);
        result.HasStackTrace.ShouldBeFalse();
    }
}
