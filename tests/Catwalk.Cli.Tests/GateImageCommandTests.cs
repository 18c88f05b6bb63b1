using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>--gate-image</c> from the command line: refused up front where it cannot measure, and a refusal said in words, at $0.</summary>
public class GateImageCommandTests
{
    private static Dictionary<string, string> Env(FalEmulator emulator, string? visionDir = null)
    {
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };
        if (visionDir is not null) env["CATWALK_VISION_DIR"] = visionDir;
        return env;
    }

    [Fact]
    public async Task Without_the_vision_worker_the_gate_is_refused_in_one_line_before_anything_is_sent()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var env = Env(emulator, visionDir: dir.File("no-vision-here"));
        var run = await CliRunner.RunAsync(dir.Path, env, "run", "--models", "pika", "--gate-image", "--out", "out");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Output.ShouldContain("--gate-image measures each image before its videos, and it cannot here:");
        run.Output.ShouldContain("Or leave --gate-image");
        run.HasStackTrace.ShouldBeFalse();

        using var w = new BatchWorkspace(1, 1, "pika", "gate_image: true");
        var batch = await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--out", "out");
        batch.ExitCode.ShouldBe(2, batch.ToString());
        batch.Output.ShouldContain("--gate-image measures each image");
        (await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--plan")).ExitCode.ShouldBe(0); // planning measures nothing
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
        emulator.GetStats().Uploads.ShouldBe(0);
    }

    [Fact]
    public async Task A_manifest_gate_that_is_not_a_yes_or_no_names_its_line()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(1, 1, "pika", "gate_image: maybe");
        var result = await CliRunner.RunAsync(w.Dir.Path, Env(emulator), "batch", "batch.yaml", "--plan");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("gate_image");
        result.HasStackTrace.ShouldBeFalse();
    }

    [VisionFact]
    public async Task Another_persons_face_refuses_the_image_in_words_and_sends_no_video()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        var photos = new RealPhotos();
        await photos.InitializeAsync();
        try
        {
            using var dir = new TempDirectory();
            var result = await CliRunner.RunAsync(dir.Path, Env(emulator), "run", "--person", photos.SelectedFace, "--face", photos.OtherPerson,
                "--models", "pika,ltx", "--gate-image", "--out", "out");
            result.ExitCode.ShouldBe(1, result.ToString()); // partly done: the image is kept, its videos were not made
            result.Stdout.ShouldContain("Image gate: refused the image — face changed: identity ");
            result.Stdout.ShouldContain("2 video(s) not sent ($0). To animate it anyway: `catwalk video --image ");
            result.Stdout.ShouldNotContain("--retry-failed"); // a retry would be refused again
            emulator.GetStats().Endpoints.Where(e => e.Value.Submissions > 0).Select(e => e.Key).ShouldBe(["fal-ai/nano-banana/edit"]);
        }
        finally
        {
            await photos.DisposeAsync();
        }
    }
}
