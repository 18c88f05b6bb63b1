using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

public class OtherCommandTests
{
    [Fact]
    public async Task Models_lists_every_catalog_entry_with_durations_and_prices()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "models");
        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var model in ModelCatalog.BuiltIn.Models) result.Stdout.ShouldContain(model.EndpointId);
        result.Stdout.ShouldContain("4s, 6s, 8s");
        result.Stdout.ShouldContain("$0.2/s, $0.4/s with audio");
    }

    [Fact]
    public async Task Check_without_a_key_says_so_and_spends_nothing()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions(), ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString() }, "check");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldContain("No key");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Fact]
    public async Task Check_tells_an_accepted_key_from_a_rejected_one_and_an_unreachable_host()
    {
        const string key = "right-key-id:right-secret-0123456789";
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { RequiredKey = key }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var at = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString() };

        var good = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string>(at) { ["FAL_KEY"] = key }, "check");
        good.ExitCode.ShouldBe(0, good.ToString());
        good.Output.ShouldNotContain("right-secret");

        var bad = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string>(at) { ["FAL_KEY"] = "wrong-id:wrong-secret" }, "check");
        bad.ExitCode.ShouldBe(4, bad.ToString());
        bad.Output.ShouldContain("rejected");
        bad.Output.ShouldNotContain("wrong-secret");

        var away = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = "http://127.0.0.1:9/", ["FAL_KEY"] = key }, "check");
        away.ExitCode.ShouldBe(3, away.ToString());
        away.Output.ShouldContain("not reachable");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Fact]
    public async Task With_a_key_calls_go_to_fal_and_the_key_is_in_no_output_file()
    {
        const string key = "cli-key-id:cli-secret-abcdef0123456789";
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { RequiredKey = key, LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["FAL_KEY"] = key, ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };
        var result = await CliRunner.RunAsync(dir.Path, env, "run", "--models", "kling,seedance", "--verbose");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("Emulated:");
        result.Output.ShouldNotContain("cli-secret");
        foreach (var file in dir.AllFiles()) (await File.ReadAllTextAsync(file)).ShouldNotContain("cli-secret", customMessage: file);
        emulator.GetStats().Endpoints["fal-ai/kling-video/v2.6/pro/image-to-video"].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task Image_makes_the_number_of_images_asked_for()
    {
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("me.png"));
        var result = await CliRunner.RunAsync(dir.Path, null, "image", "--ref", "me.png", "--prompt", "portrait of a man smiling", "--num", "2", "--latency-scale", "0");
        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(Path.Combine(dir.Path, "outputs", "images"), "img_*.png", SearchOption.AllDirectories).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Video_animates_a_given_image_with_the_chosen_models()
    {
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"));
        var result = await CliRunner.RunAsync(dir.Path, null, "video", "--image", "look.png", "--models", "luma,grok", "--duration", "5", "--latency-scale", "0");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("2 of 2 videos saved");
    }
}
