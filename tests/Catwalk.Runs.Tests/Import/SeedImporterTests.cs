using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Pipelines.Outputs;
using Catwalk.Runs.Import;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Runs.Tests.Import;

public class SeedImporterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static string SeedVideo(string model = "fal-ai/veo3/image-to-video", string reference = "https://v3.fal.media/files/rabbit/person.png",
        string timestamp = "\"2025-01-15T10:30:00+00:00\"") => $$$"""
        {
          "prompt": "A model walks toward the camera",
          "model": "{{{model}}}",
          "seed": 42,
          "duration_sec": 8,
          "reference_image": "{{{reference}}}",
          "latency_sec": 61.25,
          "timestamp": {{{timestamp}}},
          "raw_response": {"video": {"url": "https://v3.fal.media/files/out.mp4", "content_type": "video/mp4", "file_size": 540}}
        }
        """;

    private const string SeedImage = """
        {
          "prompt": "Dress the person in the outfit",
          "model": "fal-ai/nano-banana/edit",
          "seed": null,
          "reference_images": ["inputs/person.png", "inputs/top.png"],
          "latency_sec": 12.5,
          "timestamp": "2025-01-15T10:29:00+00:00",
          "raw_response": {
            "images": [{"url": "https://v3.fal.media/files/a.png", "width": 48, "height": 64}, {"url": "https://v3.fal.media/files/b.png", "width": 48, "height": 64}],
            "description": "Here you go"
          }
        }
        """;

    private static SeedImporter Importer(string outputRoot) => new(outputRoot, ModelCatalog.BuiltIn, new FakeTimeProvider(Now));

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_seeds_videos_and_images_are_imported_with_their_fields(string engine)
    {
        using var outputs = new SeedOutputs();
        var videoMeta = outputs.Video("veo3", "20250115_103000", SeedVideo());
        var imageMeta = outputs.Images("20250115_102900", SeedImage, count: 2);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        result.Problems.ShouldBeEmpty();
        (result.Found, result.Added, result.Skipped).ShouldBe((2, 2, 0));
        var run = (await t.Store.GetRunAsync(result.RunId.ShouldNotBeNull())).ShouldNotBeNull();
        (run.Kind, run.Name, run.Status, run.OutputRoot).ShouldBe((RunKind.Import, outputs.Root, RunStatus.Completed, outputs.Root));
        run.CreatedAt.ShouldBe(Now.ToUnixTimeMilliseconds());
        run.FinishedAt.ShouldNotBeNull();

        var jobs = await t.Store.GetJobsAsync(run.Id);
        var video = jobs.Single(j => j.Stage == StageKind.Video);
        (video.ModelKey, video.EndpointId, video.InputKey, video.State).ShouldBe(("veo3", "fal-ai/veo3/image-to-video", "https://v3.fal.media/files/rabbit/person.png", JobState.Downloaded));
        (video.LatencySec, video.DurationSec, video.Prompt).ShouldBe((61.25, 8.0, "A model walks toward the camera"));
        video.FilePath.ShouldBe("videos/2025_01_15/veo3/video_20250115_103000.mp4");
        video.FileSha256.ShouldBe(SeedOutputs.Sha256(outputs.VideoPath("veo3", "20250115_103000")));
        video.FileBytes.ShouldBe(new FileInfo(outputs.VideoPath("veo3", "20250115_103000")).Length);
        video.ContentType.ShouldBe("video/mp4");
        video.MetadataPath.ShouldBe("videos/2025_01_15/veo3/meta_20250115_103000.json");
        video.MetadataJson.ShouldBe(File.ReadAllText(videoMeta));
        JsonNode.Parse(video.ResultJson!)!["video"]!["url"]!.GetValue<string>().ShouldBe("https://v3.fal.media/files/out.mp4");
        video.RequestId.ShouldBeNull();
        video.CreatedAt.ShouldBe(DateTimeOffset.Parse("2025-01-15T10:30:00Z").ToUnixTimeMilliseconds());
        video.CompletedAt.ShouldBe(video.CreatedAt);
        (video.Source, video.ImportKey).ShouldBe(("seed", SeedOutputs.Sha256(videoMeta)));
        video.EstimatedCostUsd.ShouldBeGreaterThan(0m); // priced from the catalog: the seed recorded no cost
        video.CostUsd.ShouldBe(video.EstimatedCostUsd);

        var image = jobs.Single(j => j.Stage == StageKind.Image);
        (image.ModelKey, image.EndpointId, image.InputKey, image.State).ShouldBe(("nano-banana-edit", "fal-ai/nano-banana/edit", "inputs/person.png + inputs/top.png", JobState.Downloaded));
        image.FilePath.ShouldBe("images/2025_01_15/nano_banana_edit/img_20250115_102900_0.png");
        image.FileSha256.ShouldBe(SeedOutputs.Sha256(outputs.ImagePath("20250115_102900", 0)));
        (image.ContentType, image.DurationSec, image.LatencySec).ShouldBe(("image/png", null, 12.5));
        image.EstimatedCostUsd.ShouldBe(CostEstimator.ForImages(ModelCatalog.BuiltIn.Get("nano-banana-edit"), 2).Usd);
        (image.Source, image.ImportKey).ShouldBe(("seed", SeedOutputs.Sha256(imageMeta)));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_model_key_or_an_endpoint_the_catalog_does_not_know_are_both_understood(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("kling", "20250115_110000", SeedVideo(model: "kling"));
        outputs.Video("mystery", "20250115_120000", SeedVideo(model: "acme/mystery-video"));
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        var jobs = await t.Store.GetJobsAsync(result.RunId!);
        var kling = jobs.Single(j => j.ModelKey == "kling");
        kling.EndpointId.ShouldBe(ModelCatalog.BuiltIn.Get("kling").EndpointId);
        var mystery = jobs.Single(j => j.ModelKey == "mystery");
        (mystery.EndpointId, mystery.EstimatedCostUsd, mystery.CostUsd).ShouldBe(("acme/mystery-video", 0m, null));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Catwalks_own_sidecars_are_imported_with_what_catwalk_adds(string engine)
    {
        using var outputs = new SeedOutputs();
        var videoMeta = CatwalkVideo(outputs, "20250201_090000_abcdef", "req-123", emulated: true);
        var imageFile = "images/2025_02_01/nano_banana_edit/img_20250201_085900_abcdef_0.png";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(outputs.Root, imageFile))!);
        TestImages.WritePng(Path.Combine(outputs.Root, imageFile), 48, 64);
        var imageMeta = Path.Combine(outputs.Root, "images/2025_02_01/nano_banana_edit/meta_20250201_085900_abcdef.json");
        File.WriteAllText(imageMeta, JsonSerializer.Serialize(new ImageMetadata
        {
            Prompt = "dress", Model = "nano-banana-edit", ReferenceImages = ["/home/me/person.png"], LatencySec = 9.5,
            Timestamp = DateTimeOffset.Parse("2025-02-01T08:59:00Z"), RawResponse = JsonNode.Parse("""{"images":[{"url":"https://x/a.png"}]}"""),
            RunId = "0195b0c0abcdef", RequestId = "req-img", Endpoint = "fal-ai/nano-banana/edit", ModelName = "Nano Banana edit",
            Arguments = new JsonObject(), NumImages = 1, Latency = new LatencyBreakdown(0.5, 8.5, 0.5), EstimatedCostUsd = 0.039m,
            Images = [new MediaFileInfo(imageFile, new FileInfo(Path.Combine(outputs.Root, imageFile)).Length, "ab", "image/png")], Emulated = false,
        }, MetadataJson.Options));
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        result.Problems.ShouldBeEmpty();
        result.Added.ShouldBe(2);
        var jobs = await t.Store.GetJobsAsync(result.RunId!);
        var video = jobs.Single(j => j.Stage == StageKind.Video);
        (video.Source, video.RequestId, video.ModelKey, video.EndpointId).ShouldBe(("catwalk", "req-123", "kling", ModelCatalog.BuiltIn.Get("kling").EndpointId));
        (video.QueueSec, video.InferenceSec, video.DownloadSec, video.LatencySec).ShouldBe((1.5, 40.25, 0.75, 42.5));
        (video.RequestedDuration, video.DurationSec, video.InputKey).ShouldBe((7, 5.0, "/home/me/look.png"));
        (video.EstimatedCostUsd, video.CostUsd, video.Emulated).ShouldBe((0.35m, 0m, true)); // emulated: nothing was billed
        video.FilePath.ShouldBe("videos/2025_02_01/kling/video_20250201_090000_abcdef.mp4");
        (video.State, video.ImportKey).ShouldBe((JobState.Downloaded, SeedOutputs.Sha256(videoMeta)));
        video.CreatedAt.ShouldBe(DateTimeOffset.Parse("2025-02-01T09:00:00Z").ToUnixTimeMilliseconds());

        var image = jobs.Single(j => j.Stage == StageKind.Image);
        (image.Source, image.RequestId, image.ModelKey, image.InputKey, image.FilePath).ShouldBe(("catwalk", "req-img", "nano-banana-edit", "/home/me/person.png", imageFile));
        (image.EstimatedCostUsd, image.CostUsd, image.Emulated, image.QueueSec).ShouldBe((0.039m, 0.039m, false, 0.5));
        image.FileSha256.ShouldBe(SeedOutputs.Sha256(Path.Combine(outputs.Root, imageFile))); // computed from the file, not copied from the sidecar
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Importing_again_adds_nothing_and_leaves_no_empty_run(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("veo3", "20250115_103000", SeedVideo());
        outputs.Images("20250115_102900", SeedImage);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);
        var importer = Importer(outputs.Root);
        (await importer.ImportAsync(outputs.Root, t.Store, None)).Added.ShouldBe(2);

        var again = await importer.ImportAsync(outputs.Root, t.Store, None);

        (again.Found, again.Added, again.Skipped, again.RunId).ShouldBe((2, 0, 2, null));
        (await t.Store.ListRunsAsync()).Count.ShouldBe(1);
        (await t.Store.QueryJobsAsync(new JobQuery())).Count.ShouldBe(2);

        outputs.Video("kling", "20250116_080000", SeedVideo(model: "fal-ai/kling-video/v2.6/pro/image-to-video"), day: "2025_01_16");
        var third = await importer.ImportAsync(outputs.Root, t.Store, None);
        (third.Added, third.Skipped).ShouldBe((1, 2));
        (await t.Store.GetJobsAsync(third.RunId!)).Single().ModelKey.ShouldBe("kling");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_missing_media_file_makes_a_failed_job_and_a_partial_run(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("veo3", "20250115_103000", SeedVideo(), withMedia: false);
        outputs.Images("20250115_102900", SeedImage);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        result.Added.ShouldBe(2);
        (await t.Store.GetRunAsync(result.RunId!))!.Status.ShouldBe(RunStatus.Partial);
        var video = (await t.Store.GetJobsAsync(result.RunId!)).Single(j => j.Stage == StageKind.Video);
        video.State.ShouldBe(JobState.Failed);
        video.Error.ShouldBe($"media file missing: {outputs.VideoPath("veo3", "20250115_103000")}");
        (video.FilePath, video.FileSha256, video.FileBytes).ShouldBe((null, null, null));
        video.MetadataJson.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_malformed_metadata_file_is_reported_and_the_rest_imported(string engine)
    {
        using var outputs = new SeedOutputs();
        var broken = outputs.Video("veo3", "20250115_103000", """{"prompt": "walk", "model": """);
        var notObject = outputs.Video("veo3", "20250115_104000", "[1, 2]");
        outputs.Images("20250115_102900", SeedImage);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        (result.Found, result.Added).ShouldBe((3, 1));
        result.Problems.Select(p => p.Path).ShouldBe([broken, notObject]);
        result.Problems[0].Message.ShouldContain("not valid JSON");
        result.Problems[1].Message.ShouldContain("not a JSON object");
        (await t.Store.GetJobsAsync(result.RunId!)).Single().Stage.ShouldBe(StageKind.Image);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_timestamp_without_an_offset_is_UTC_and_a_unix_number_is_seconds(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("veo3", "20250115_103000", SeedVideo(timestamp: "\"2025-01-15T10:30:00.250\""));
        outputs.Video("kling", "20250115_103000", SeedVideo(model: "kling", timestamp: "1736937000.5"));
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        var jobs = await t.Store.GetJobsAsync(result.RunId!);
        jobs.Single(j => j.ModelKey == "veo3").CreatedAt.ShouldBe(DateTimeOffset.Parse("2025-01-15T10:30:00.25Z").ToUnixTimeMilliseconds());
        jobs.Single(j => j.ModelKey == "kling").CreatedAt.ShouldBe(1_736_937_000_500);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Several_videos_of_one_image_by_one_model_are_all_kept(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("veo3", "20250115_103000", SeedVideo());
        outputs.Video("veo3", "20250115_113000", SeedVideo(timestamp: "\"2025-01-15T11:30:00\""));
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        result.Added.ShouldBe(2);
        (await t.Store.GetJobsAsync(result.RunId!)).Select(j => j.InputKey).Distinct().Count().ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_folder_above_outputs_works_and_files_outside_the_output_root_stay_absolute(string engine)
    {
        using var outputs = new SeedOutputs();
        outputs.Video("veo3", "20250115_103000", SeedVideo());
        using var elsewhere = new TempDirectory("catwalk-root-");
        await using var t = await TestStore.OpenAsync(engine, elsewhere.Path);

        var result = await Importer(elsewhere.Path).ImportAsync(outputs.Parent, t.Store, None);

        (await t.Store.GetRunAsync(result.RunId!))!.Name.ShouldBe(outputs.Parent);
        var job = (await t.Store.GetJobsAsync(result.RunId!)).Single();
        job.FilePath.ShouldBe(outputs.VideoPath("veo3", "20250115_103000"));
        job.MetadataPath.ShouldBe(Path.Combine(Path.GetDirectoryName(job.FilePath)!, "meta_20250115_103000.json"));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_a_catwalk_run_already_recorded_is_not_imported_again(string engine)
    {
        using var outputs = new SeedOutputs();
        CatwalkVideo(outputs, "20250201_090000_abcdef", "req-123", emulated: false);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);
        var at = DateTimeOffset.Parse("2025-02-01T09:00:01Z").ToUnixTimeMilliseconds();
        var run = new RunRecord { Id = Guid.CreateVersion7().ToString("N"), Kind = RunKind.Video, OutputRoot = outputs.Root, CreatedAt = at, UpdatedAt = at };
        await t.Store.CreateRunAsync(run, [new JobRecord
        {
            Id = Guid.CreateVersion7().ToString("N"), RunId = run.Id, Stage = StageKind.Video, ModelKey = "kling", EndpointId = ModelCatalog.BuiltIn.Get("kling").EndpointId,
            InputKey = "look", RequestId = "req-123", State = JobState.Downloaded, CreatedAt = at, UpdatedAt = at,
        }]);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        (result.Added, result.Skipped, result.RunId).ShouldBe((0, 1, null));
        result.Problems.ShouldBeEmpty();
        (await t.Store.ListRunsAsync()).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Two_different_files_for_one_fal_request_import_the_first_and_report_the_other(string engine)
    {
        using var outputs = new SeedOutputs();
        var first = CatwalkVideo(outputs, "20250201_090000_abcdef", "req-123", emulated: false);
        var edited = CatwalkVideo(outputs, "20250201_090000_fedcba", "req-123", emulated: false);
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);

        var result = await Importer(outputs.Root).ImportAsync(outputs.Root, t.Store, None);

        (result.Found, result.Added, result.Skipped).ShouldBe((2, 1, 0));
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Path.ShouldBe(edited);
        problem.Message.ShouldContain("same fal request (req-123)");
        (await t.Store.GetJobsAsync(result.RunId!)).Single().MetadataPath.ShouldBe(Path.GetRelativePath(outputs.Root, first));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_empty_or_missing_folder_is_a_clear_error(string engine)
    {
        using var outputs = new SeedOutputs();
        Directory.CreateDirectory(Path.Combine(outputs.Root, "videos"));
        await using var t = await TestStore.OpenAsync(engine, outputs.Root);
        var importer = Importer(outputs.Root);

        var empty = await Should.ThrowAsync<InvalidInputException>(() => importer.ImportAsync(outputs.Root, t.Store, None));
        empty.Message.ShouldContain(outputs.Root);
        empty.Message.ShouldContain("meta_*.json");

        var missing = Path.Combine(outputs.Parent, "nope");
        var gone = await Should.ThrowAsync<InvalidInputException>(() => importer.ImportAsync(missing, t.Store, None));
        gone.Message.ShouldContain(missing);
        gone.Message.ShouldContain("does not exist");
        (await t.Store.ListRunsAsync()).ShouldBeEmpty();
    }

    /// <summary>A video sidecar exactly as Catwalk writes it (its own record type and JSON options), with its media.</summary>
    private static string CatwalkVideo(SeedOutputs outputs, string stamp, string requestId, bool emulated)
    {
        var file = $"videos/2025_02_01/kling/video_{stamp}.mp4";
        var media = Path.Combine(outputs.Root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(media)!);
        File.WriteAllBytes(media, SeedOutputs.FakeMp4(stamp));
        var meta = Path.Combine(outputs.Root, $"videos/2025_02_01/kling/meta_{stamp}.json");
        File.WriteAllText(meta, JsonSerializer.Serialize(new VideoMetadata
        {
            Prompt = "walk", Model = "kling", DurationSec = 5, ReferenceImage = "/home/me/look.png", LatencySec = 42.5,
            Timestamp = DateTimeOffset.Parse("2025-02-01T09:00:00Z"), RawResponse = JsonNode.Parse("""{"video":{"url":"https://x/v.mp4","content_type":"video/mp4"}}"""),
            RunId = "0195b0c0abcdef", RequestId = requestId, Endpoint = ModelCatalog.BuiltIn.Get("kling").EndpointId, ModelName = "Kling",
            RequestedDurationSec = 7, Arguments = new JsonObject { ["duration"] = "5" }, Latency = new LatencyBreakdown(1.5, 40.25, 0.75),
            EstimatedCostUsd = 0.35m, File = new MediaFileInfo(file, new FileInfo(media).Length, "ab", "video/mp4"), Emulated = emulated,
        }, MetadataJson.Options));
        return meta;
    }
}
