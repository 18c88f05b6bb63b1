using System.Security.Cryptography;
using Catwalk.Domain;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Pipelines.Tests.References;

/// <summary>What the uploader sends, read back from the emulator's storage over loopback.</summary>
public class ReferenceUploaderTests
{
    private static readonly HttpClient Http = new();

    private static string WriteOpaqueRgbaPng(PipelineHarness h, string name, int seed)
    {
        using var bitmap = TestImages.Noise(600, 400, seed);
        File.WriteAllBytes(h.Outputs.File(name), TestImages.Encode(bitmap));
        return h.Outputs.File(name);
    }

    [Fact]
    public async Task An_opaque_rgba_png_goes_up_smaller_with_identical_pixels_once_per_content()
    {
        await using var h = await PipelineHarness.StartAsync();
        var path = WriteOpaqueRgbaPng(h, "person.png", 1);
        File.Copy(path, h.Outputs.File("copy.png"));
        var original = await File.ReadAllBytesAsync(path);

        var url = await h.Get<ReferenceUploader>().UrlForAsync(await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, path));
        var sent = await Http.GetByteArrayAsync(url);

        sent.Length.ShouldBeLessThan(original.Length * 9 / 10);
        TestImages.PngHeader(sent).ShouldBe((8, 2));
        TestImages.RawPixels(sent).ShouldBe(TestImages.RawPixels(original));
        (await File.ReadAllBytesAsync(path)).ShouldBe(original); // the user's file is never touched
        (await h.Get<ReferenceUploader>().UrlForAsync(h.Outputs.File("copy.png"), "image/png")).ShouldBe(url);
        h.Emulator.GetStats().Uploads.ShouldBe(1);
    }

    public static TheoryData<string> Unchanged => ["png with a transparent pixel", "jpeg", "small png"];

    [Theory]
    [MemberData(nameof(Unchanged))]
    public async Task Anything_that_cannot_be_made_smaller_losslessly_goes_up_byte_for_byte(string kind)
    {
        await using var h = await PipelineHarness.StartAsync();
        using var bitmap = TestImages.Noise(600, 400, 2);
        if (kind == "png with a transparent pixel") bitmap.SetPixel(10, 10, SKColors.Transparent);
        var original = kind switch
        {
            "jpeg" => TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg),
            "small png" => TestImages.Png(256, 384, seed: 2),
            _ => TestImages.Encode(bitmap),
        };
        var path = h.Outputs.File("reference.png"); // the name says PNG whatever the content; the bytes decide
        await File.WriteAllBytesAsync(path, original);

        var url = await h.Get<ReferenceUploader>().UrlForAsync(await ReferenceImageLoader.LoadAsync(ReferenceRole.Outfit, path));

        (await Http.GetByteArrayAsync(url)).ShouldBe(original);
    }

    [Fact]
    public async Task Turned_off_it_sends_the_file_as_it_is()
    {
        await using var h = await PipelineHarness.StartAsync(optimizePngs: false);
        var path = WriteOpaqueRgbaPng(h, "person.png", 3);

        var url = await h.Get<ReferenceUploader>().UrlForAsync(await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, path));

        (await Http.GetByteArrayAsync(url)).ShouldBe(await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_data_uri_carries_the_smaller_png_too()
    {
        await using var h = await PipelineHarness.StartAsync(uploadMode: ReferenceUploadMode.DataUri);
        var path = WriteOpaqueRgbaPng(h, "person.png", 4);

        var uri = await h.Get<ReferenceUploader>().UrlForAsync(await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, path));

        uri.ShouldStartWith("data:image/png;base64,");
        var sent = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        TestImages.PngHeader(sent).ShouldBe((8, 2));
        TestImages.RawPixels(sent).ShouldBe(TestImages.RawPixels(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task The_image_job_is_keyed_by_the_original_files_whatever_was_sent()
    {
        var keys = new List<string>();
        var sentHashes = new List<string>();
        foreach (var optimize in new[] { true, false })
        {
            await using var h = await PipelineHarness.StartAsync(optimizePngs: optimize);
            var paths = new[] { WriteOpaqueRgbaPng(h, "person.png", 5), WriteOpaqueRgbaPng(h, "top.png", 6) };
            var references = await ReferenceImageLoader.LoadSetAsync(paths[0], null, [paths[1]]);
            var journal = new RecordingJournal();

            var result = await h.Get<ImagePipeline>().RunAsync(new ImageStageRequest { Prompt = "a person", References = references.All, Seed = 11, Journal = journal });

            var start = journal.Starts.ShouldHaveSingleItem();
            var originals = paths.Select(p => Sha256(File.ReadAllBytes(p))).ToList();
            references.All.Select(r => r.Sha256).ShouldBe(originals);
            start.CacheKey.ShouldBe(CacheKeys.Image(start.EndpointId, "a person", null, 11, 1, originals));
            keys.Add(start.CacheKey);

            var sent = result.Response!.Arguments["image_urls"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
            var sentBytes = await Task.WhenAll(sent.Select(u => Http.GetByteArrayAsync(u)));
            sentHashes.AddRange(sentBytes.Select(Sha256));
            if (optimize) sentBytes.Select(Sha256).ShouldNotContain(s => originals.Contains(s));
            else sentBytes.Select(Sha256).ShouldBe(originals);
        }
        keys.Distinct().ShouldHaveSingleItem(); // the same job, optimised or not: caching and resume see no difference
        sentHashes.Distinct().Count().ShouldBe(4); // while the bytes that went up did differ
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class RecordingJournal : IJobJournal
    {
        public List<JobStart> Starts { get; } = [];

        public ValueTask<IJobTicket> BeginAsync(JobStart start, CancellationToken cancellationToken)
        {
            lock (Starts) Starts.Add(start);
            return NullJobJournal.Instance.BeginAsync(start, cancellationToken);
        }
    }
}
