using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Pipelines.Tests.References;

/// <summary>
/// The uploader's memory beyond its process: an upload another uploader (a later run, another worker) made is reused
/// while at least an hour of it is left, and what it uploads is remembered there with the expiry fal was asked for.
/// </summary>
public class CrossRunUploadTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly HttpClient Http = new();

    private static Task<PipelineHarness> StartAsync(FakeTimeProvider clock, MemoryReferenceUploadCache cache, ReferenceUploadMode mode = ReferenceUploadMode.Storage) =>
        PipelineHarness.StartAsync(uploadMode: mode, configure: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IReferenceUploadCache>(cache));

    /// <summary>Another process on the same cache: a fresh uploader, nothing in its own memory.</summary>
    private static ReferenceUploader AnotherProcess(PipelineHarness h, FakeTimeProvider clock, MemoryReferenceUploadCache cache) =>
        new(h.Get<IFalStorage>(), cache: cache, time: clock);

    [Fact]
    public async Task Another_uploader_on_the_same_cache_reuses_the_upload_and_sends_nothing()
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await StartAsync(clock, cache);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, h.Image("person.png", 1));

        var first = await h.Get<ReferenceUploader>().UrlForAsync(image);
        var second = AnotherProcess(h, clock, cache);
        var again = await second.UrlForAsync(image);

        again.ShouldBe(first);
        second.Uploads.ShouldBe(0);
        h.Emulator.GetStats().Uploads.ShouldBe(1);
        cache.Remembered.ShouldBe(1);
    }

    [Fact]
    public async Task What_is_remembered_is_the_original_files_hash_what_was_sent_and_the_expiry_fal_was_asked_for()
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await StartAsync(clock, cache);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Outfit, h.Image("top.png", 2));

        var url = await h.Get<ReferenceUploader>().UrlForAsync(image);

        var remembered = cache[image.Sha256].ShouldNotBeNull();
        remembered.Url.ToString().ShouldBe(url);
        remembered.ContentType.ShouldBe("image/png");
        remembered.Bytes.ShouldBe((await Http.GetByteArrayAsync(url)).LongLength);
        remembered.UploadedAt.ShouldBe(Start);
        remembered.ExpiresAt.ShouldBe(Start + h.Get<Microsoft.Extensions.Options.IOptions<FalOptions>>().Value.UploadLifetime);
        remembered.ExpiresAt.ShouldBe(Start.AddDays(7));
    }

    [Theory]
    [InlineData(61, 0)] // 61 minutes left: long enough for a job to wait out its start deadline, reused
    [InlineData(59, 1)] // 59 minutes left: uploaded again
    [InlineData(-5, 1)] // expired
    public async Task An_upload_is_reused_only_while_an_hour_of_it_is_left(int minutesLeft, int uploadsAgain)
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await StartAsync(clock, cache);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, h.Image("person.png", 3));
        var first = await h.Get<ReferenceUploader>().UrlForAsync(image);

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(minutesLeft));
        var second = AnotherProcess(h, clock, cache);
        var url = await second.UrlForAsync(image);

        second.Uploads.ShouldBe(uploadsAgain);
        h.Emulator.GetStats().Uploads.ShouldBe(1 + uploadsAgain);
        (url == first).ShouldBe(uploadsAgain == 0);
        // A fresh upload replaces the old one for everyone after.
        cache[image.Sha256]!.Url.ToString().ShouldBe(url);
    }

    [Fact]
    public async Task A_long_running_process_uploads_again_once_its_own_upload_nears_its_expiry()
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await StartAsync(clock, cache);
        var uploader = h.Get<ReferenceUploader>();
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, h.Image("person.png", 4));
        var first = await uploader.UrlForAsync(image);

        clock.Advance(TimeSpan.FromDays(6));
        (await uploader.UrlForAsync(image)).ShouldBe(first);
        clock.Advance(TimeSpan.FromHours(23.5));
        var renewed = await uploader.UrlForAsync(image);

        renewed.ShouldNotBe(first);
        uploader.Uploads.ShouldBe(2);
        (await uploader.UrlForAsync(image)).ShouldBe(renewed);
    }

    [Fact]
    public async Task A_lifetime_shorter_than_the_margin_still_uploads_once_per_process()
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await PipelineHarness.StartAsync(configure: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IReferenceUploadCache>(cache)
            .Configure<FalOptions>(o => o.UploadLifetime = TimeSpan.FromMinutes(20)));
        var uploader = h.Get<ReferenceUploader>();
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, h.Image("person.png", 5));

        var first = await uploader.UrlForAsync(image);
        clock.Advance(TimeSpan.FromMinutes(9)); // 11 of 20 minutes left: more than half, still this process's URL
        (await uploader.UrlForAsync(image)).ShouldBe(first);
        uploader.Uploads.ShouldBe(1);
        // Too short for any other run to rely on.
        var other = AnotherProcess(h, clock, cache);
        (await other.UrlForAsync(image)).ShouldNotBe(first);
        clock.Advance(TimeSpan.FromMinutes(2)); // 9 minutes left of the first: renewed
        (await uploader.UrlForAsync(image)).ShouldNotBe(first);
        uploader.Uploads.ShouldBe(2);
    }

    [Fact]
    public async Task Data_uris_neither_ask_nor_tell_the_cache()
    {
        var (clock, cache) = (new FakeTimeProvider(Start), new MemoryReferenceUploadCache());
        await using var h = await StartAsync(clock, cache, ReferenceUploadMode.DataUri);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, h.Image("person.png", 6));

        (await h.Get<ReferenceUploader>().UrlForAsync(image)).ShouldStartWith("data:image/png;base64,");

        (cache.Finds, cache.Remembered).ShouldBe((0, 0));
        h.Emulator.GetStats().Uploads.ShouldBe(0);
    }
}
