using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines.Tests;

/// <summary>The README's C# example, as written there, run against the emulator (only the URLs and paths differ).</summary>
public class LibraryApiExampleTests
{
    [Fact]
    public async Task The_readme_example_runs()
    {
        using var dir = new TempDirectory();
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0, CacheDirectory = dir.File("cache") }, ModelCatalog.BuiltIn);
        TestImages.WritePng(dir.File("look.png"));
        var printed = new List<string>();

        // --- README example (Console.WriteLine → printed.Add; the emulator's URL and a temp folder added) ---
        await using var services = new ServiceCollection()
            .AddCatwalk(o => { o.OutputDirectory = dir.File("outputs"); o.ConfigureFal = fal => { fal.Key = FalKey.FromEnvironment(); fal.QueueUrl = fal.StorageUrl = emulator.BaseUri; }; })
            .BuildServiceProvider();
        var result = await services.GetRequiredService<VideoPipeline>().RunAsync(new VideoStageRequest
            { ImagePath = dir.File("look.png"), Prompt = "walks towards the camera", Models = ["veo3", "kling"] });
        foreach (var video in result.Succeeded) printed.Add($"{video.ModelKey}: {video.Video!.FullPath}");
        // --- end of example ---

        printed.Count.ShouldBe(2, string.Join("; ", result.Failed.Select(f => f.Error)));
        printed.ShouldAllBe(line => File.Exists(line.Split(": ", 2)[1]));
    }
}
