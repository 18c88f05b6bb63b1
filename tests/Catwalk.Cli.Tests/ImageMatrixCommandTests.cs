using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>Image models and angles from the command line: the matrix planned and priced first, mistakes refused in one line before anything is sent.</summary>
public class ImageMatrixCommandTests
{
    private static Dictionary<string, string> Env(FalEmulator emulator) =>
        new() { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };

    private static string Samples() => RepositoryRoot.File("assets", "samples");

    [Fact]
    public async Task The_sample_matrix_plans_two_image_models_by_two_angles_by_two_video_models()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, Env(emulator), "batch", Path.Combine(Samples(), "matrix.yaml"), "--plan");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("1 look(s) × 2 image model(s) × 2 angle(s) × 2 model(s) × 1 duration(s) (5s) = 12 job(s) (4 image, 8 video)");
        result.Stdout.ShouldContain("seedream-edit");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Theory]
    [InlineData("--angles", "top", "--angles: 'top' is not an angle; the angles are front, three-quarter, side, back (or all).")]
    [InlineData("--image-models", "seedrem-edit", "Unknown image model 'seedrem-edit'. Image models: nano-banana-edit")]
    [InlineData("--image-models", "kling", "'kling' is a video model, not an image model")]
    [InlineData("--garments", "top,bottom", "--garments names 2 garment(s) for 3 --outfit picture(s)")]
    [InlineData("--garments", "top,hat,shoes", "--garments: 'hat' is not a kind of garment; the kinds are top, bottom, one-piece")]
    public async Task A_mistyped_angle_or_image_model_is_one_line_and_nothing_is_sent(string option, string value, string message)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, Env(emulator), "run", "--models", "pika", option, value, "--out", "out");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain(message);
        result.HasStackTrace.ShouldBeFalse();
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Fact]
    public async Task A_try_on_model_asked_for_a_side_view_is_refused_before_any_spend()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, Env(emulator), "run", "--models", "pika", "--image-models", "nano-banana-edit,fashn-tryon", "--angles", "front,side", "--out", "out");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("fashn-tryon cannot shoot the side angle(s)");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
        emulator.GetStats().Uploads.ShouldBe(0);
    }
}
