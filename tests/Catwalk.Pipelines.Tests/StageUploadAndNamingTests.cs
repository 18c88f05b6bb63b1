using System.Text;
using Catwalk.Domain;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Pipelines.Tests;

/// <summary>How the stages send references and name files (a look's whole graph is tested through the engine, in Catwalk.Runs.Tests).</summary>
public class StageUploadAndNamingTests
{
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
        result.Outcomes.Single().Status.ShouldBe(JobOutcomeStatus.Succeeded, result.Outcomes.Single().Error);
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
}
