using Catwalk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Fal.Tests;

/// <summary>Uploads ask fal to delete the file after Fal:UploadLifetime, and say until when it is there.</summary>
public class FalUploadLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 604800L)] // the default: 7 days
    [InlineData(5400.0, 5400L)]
    [InlineData(90.7, 90L)] // whole seconds, rounded down: the expiry recorded is never later than fal's
    public async Task The_initiate_request_carries_the_lifecycle_header_and_the_expiry_returned_is_the_one_asked_for(double? seconds, long sent)
    {
        var clock = new FakeTimeProvider(Now);
        await using var h = await FalHarness.StartAsync(time: clock,
            configure: o => { if (seconds is { } s) o.UploadLifetime = TimeSpan.FromSeconds(s); });

        var file = await h.Storage.UploadFileAsync(new MemoryStream(TestImages.Png(seed: 3)), "image/png", "me.png");

        var initiate = h.Recorder.FalHeaders.Single(r => r.Url.AbsolutePath == "/storage/upload/initiate");
        initiate.FalHeaders[FalStorageClient.LifecycleHeader].ShouldBe($"{{\"expiration_duration_seconds\":{sent}}}");
        // The pre-signed PUT is a plain upload of the bytes, as fal's JS client sends it.
        h.Recorder.FalHeaders.Where(r => r.Url.AbsolutePath.StartsWith("/storage/upload/put/")).ShouldHaveSingleItem().FalHeaders.ShouldBeEmpty();
        file.ExpiresAt.ShouldBe(Now.AddSeconds(sent));
        h.Emulator.GetStats().Uploads.ShouldBe(1);
    }
}
