using System.Text;
using Catwalk.Domain;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Pipelines.Tests;

public class LookToVideoPipelineTests
{
    private static async Task<LookRequest> LookAsync(PipelineHarness h)
    {
        var references = await ReferenceImageLoader.LoadSetAsync(h.Image("person.png", 1), h.Image("face.png", 2), [h.Image("top.png", 3), h.Image("shoes.png", 4)]);
        return new LookRequest(references, new PersonAttributes { HeightCm = 175, Gender = Gender.Female, Age = 30 },
            new EnvironmentAttributes { ApparelType = "street wear", Setting = "urban cafe" }, "walking towards the camera");
    }

    [Fact]
    public async Task The_image_stage_runs_once_and_its_image_feeds_every_model()
    {
        await using var h = await PipelineHarness.StartAsync();
        var result = await h.Get<LookToVideoPipeline>().RunAsync(new LookRunRequest { Look = await LookAsync(h), Models = ["veo3", "pika", "hunyuan"], Settings = new() { DurationSeconds = 4 } });

        var image = result.Image.Images.ShouldHaveSingleItem();
        Path.GetRelativePath(h.Outputs.Path, image.FullPath).Replace('\\', '/').ShouldMatch(@"^images/\d{4}_\d{2}_\d{2}/nano_banana_edit/img_\d{8}_\d{6}_[0-9a-f]{6}_0\.png$");
        ImageSniffer.ContentType(File.ReadAllBytes(image.FullPath)).ShouldBe("image/png");
        result.Image.Metadata.ReferenceImages.Count.ShouldBe(4);
        result.Image.Metadata.Prompt.ShouldContain("Keep the face exactly as in image 2");
        result.Videos.Succeeded.Count().ShouldBe(3);
        result.Videos.Outcomes.ShouldAllBe(o => o.Metadata!.ReferenceImage == image.FullPath && o.Metadata.RunId == result.Image.Run.RunId);

        var stats = h.Emulator.GetStats();
        stats.Uploads.ShouldBe(4); // four references once each; the generated image goes back to fal as fal's own URL
        result.Videos.Outcomes.ShouldAllBe(o => o.Metadata!.Arguments["image_url"]!.GetValue<string>() == result.Image.Response!.Images[0].Url.ToString());
        stats.Endpoints["fal-ai/nano-banana/edit"].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_reference_content_is_uploaded_once_however_often_it_is_used()
    {
        await using var h = await PipelineHarness.StartAsync();
        var person = h.Image("p.png", 7);
        File.Copy(person, h.Outputs.File("same-content.png"));
        var references = await ReferenceImageLoader.LoadSetAsync(person, h.Outputs.File("same-content.png"), [person]);
        await h.Get<ImagePipeline>().RunAsync(new ImageStageRequest { Prompt = "a person", References = references.All });
        h.Get<ReferenceUploader>().Uploads.ShouldBe(1);
        h.Emulator.GetStats().Uploads.ShouldBe(1);
    }

    [Fact]
    public async Task Data_uri_mode_uploads_nothing_and_keeps_metadata_small()
    {
        await using var h = await PipelineHarness.StartAsync(uploadMode: ReferenceUploadMode.DataUri);
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Models = ["pika"] });
        result.Outcomes.Single().Status.ShouldBe(VideoOutcomeStatus.Succeeded, result.Outcomes.Single().Error);
        h.Emulator.GetStats().Uploads.ShouldBe(0);
        var sent = result.Outcomes.Single().Metadata!.Arguments["image_url"]!.GetValue<string>();
        sent.ShouldStartWith("data:image/png;base64,");
        sent.Length.ShouldBeLessThan(100); // elided in metadata
    }

    [Fact]
    public async Task Many_runs_in_the_same_second_never_share_a_file_name()
    {
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        await using var h = await PipelineHarness.StartAsync(configure: s => s.AddSingleton<TimeProvider>(frozen));
        var image = h.Image();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = image, Prompt = "walk", Models = ["ltx"] })));
        runs.Select(r => r.Outcomes.Single().Video!.FullPath).Distinct().Count().ShouldBe(4);
        runs.Select(r => r.Outcomes.Single().MetadataPath).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task The_key_never_appears_in_any_output_file_or_log()
    {
        const string key = "test-key-id:0123456789abcdef0123456789abcdef";
        var logs = new StringBuilder();
        await using var h = await PipelineHarness.StartAsync(key: key, configure: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new StringLoggerProvider(logs))));
        var result = await h.Get<LookToVideoPipeline>().RunAsync(new LookRunRequest { Look = await LookAsync(h), Models = ["veo3", "kling"] });
        result.Videos.Succeeded.Count().ShouldBe(2, string.Join("; ", result.Videos.Failed.Select(f => f.Error)));
        foreach (var file in h.Outputs.AllFiles())
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Encoding.UTF8.GetString(bytes).ShouldNotContain("0123456789abcdef0123456789abcdef", customMessage: file);
        }
        logs.ToString().ShouldNotContain("0123456789abcdef");
    }
}
