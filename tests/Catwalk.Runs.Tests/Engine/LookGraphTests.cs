using System.Text;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.Logging;

namespace Catwalk.Runs.Tests.Engine;

/// <summary>A look's graph run by the engine (what <c>catwalk run</c> does): its image once, fed to every video model.</summary>
public class LookGraphTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_image_job_runs_once_and_its_image_feeds_every_video_model(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var look = h.Look("p0/o0/default", 1) with
        {
            FaceImage = h.Image("face.png", 2), OutfitImages = [h.Image("top.png", 3), h.Image("shoes.png", 4)],
            Person = new PersonAttributes { HeightCm = 175, Gender = Gender.Female, Age = 30 },
            Environment = new EnvironmentAttributes { ApparelType = "street wear", Setting = "urban cafe" },
        };
        var spec = h.Batch(1, ["veo3", "pika", "hunyuan"], durations: [4]) with { Looks = [look] };
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));

        var result = outcome.Looks.ShouldHaveSingleItem();
        var image = result.Image.ShouldNotBeNull().Images.ShouldHaveSingleItem();
        ImageSniffer.ContentType(File.ReadAllBytes(image.FullPath)).ShouldBe("image/png");
        result.Image.Metadata.ReferenceImages.Count.ShouldBe(4);
        result.Image.Metadata.Prompt.ShouldContain("Keep the face exactly as in image 2");
        var videos = result.Videos.ShouldHaveSingleItem();
        videos.Succeeded.Count().ShouldBe(3, string.Join("; ", videos.Failed.Select(f => f.Error)));
        videos.Outcomes.Select(o => o.ModelKey).ShouldBe(["veo3", "pika", "hunyuan"], ignoreOrder: true);
        videos.Outcomes.ShouldAllBe(o => o.Metadata!.ReferenceImage == image.FullPath && o.Metadata.RunId == outcome.Run.Id);

        var stats = h.Emulator.GetStats();
        stats.Uploads.ShouldBe(4); // four references once each; the generated image goes back to fal as fal's own URL
        videos.Outcomes.ShouldAllBe(o => o.Metadata!.Arguments["image_url"]!.GetValue<string>() == result.Image.Response!.Images[0].Url.ToString());
        stats.Endpoints["fal-ai/nano-banana/edit"].Submissions.ShouldBe(1);
        // What the store says was sent is what the generator sent (media URLs elided), for the image and every video.
        foreach (var job in outcome.Jobs) job.ArgumentsJson.ShouldNotBeNull().ShouldContain("\"prompt\"");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_key_never_appears_in_any_output_file_or_log(string engine)
    {
        const string key = "test-key-id:0123456789abcdef0123456789abcdef";
        var logs = new StringBuilder();
        await using var h = await RunsHarness.StartAsync(engine, key: key, logging: b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new StringLoggerProvider(logs)));
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["veo3", "kling"]), h.OutputRoot, true));

        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => j.Error)));
        foreach (var file in Directory.EnumerateFiles(h.OutputRoot, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            (await reader.ReadToEndAsync()).ShouldNotContain("0123456789abcdef0123456789abcdef", customMessage: file);
        }
        logs.ToString().ShouldNotContain("0123456789abcdef");
    }
}
