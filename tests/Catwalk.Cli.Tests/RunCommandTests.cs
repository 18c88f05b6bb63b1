using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public async Task Run_with_no_arguments_makes_the_sample_image_and_all_eight_videos_offline()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "run", "--latency-scale", "0", "--duration", "2");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Emulated:");
        result.Stdout.ShouldContain("8 of 8 videos saved");
        var videos = Directory.GetFiles(Path.Combine(dir.Path, "outputs", "videos"), "*.mp4", SearchOption.AllDirectories);
        videos.Length.ShouldBe(8);
        Directory.GetFiles(Path.Combine(dir.Path, "outputs", "videos"), "meta_*.json", SearchOption.AllDirectories).Length.ShouldBe(8);
        Directory.GetFiles(Path.Combine(dir.Path, "outputs", "images"), "img_*.png", SearchOption.AllDirectories).Length.ShouldBe(1);
        foreach (var video in videos) (await Ffprobe.ProbeAsync(video)).VideoCodec.ShouldBe("h264");
        foreach (var model in ModelCatalog.BuiltIn.VideoModels) Directory.Exists(Directory.GetDirectories(Path.Combine(dir.Path, "outputs", "videos")).Single() + "/" + model.Key).ShouldBeTrue(model.Key);
    }

    [Theory]
    [InlineData(new[] { "--models", "veo3", "--duration", "7" }, "Veo 3 (veo3) cannot make a 7s video; it takes 4s, 6s, 8s")]
    [InlineData(new[] { "--models", "veo3,sora" }, "Unknown model 'sora'")]
    [InlineData(new[] { "--person", "missing.png" }, "does not exist")]
    [InlineData(new[] { "--person", "notes.txt" }, "not a PNG, JPEG or WebP image")]
    [InlineData(new[] { "--height", "900" }, "height 900 cm is outside 50–250 cm")]
    [InlineData(new[] { "--gender", "robot" }, "--gender 'robot' is not one of")]
    [InlineData(new[] { "--duration", "-3" }, "--duration must be a positive number")]
    public async Task A_user_mistake_exits_non_zero_with_one_clear_line_and_no_stack_trace(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("notes.txt"), "this is not an image");
        var result = await CliRunner.RunAsync(dir.Path, null, ["run", "--latency-scale", "0", .. args]);
        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Output.ShouldContain(expected, Case.Sensitive, result.ToString());
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        Directory.Exists(Path.Combine(dir.Path, "outputs", "videos")).ShouldBeFalse("nothing may be produced or paid for");
    }
}
