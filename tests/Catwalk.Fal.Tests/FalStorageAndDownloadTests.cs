using System.Security.Cryptography;
using Catwalk.Testing;

namespace Catwalk.Fal.Tests;

public class FalStorageAndDownloadTests
{
    [Fact]
    public async Task An_upload_goes_to_the_presigned_url_without_the_key_and_its_url_serves_the_same_bytes()
    {
        await using var h = await FalHarness.StartAsync(requiredKey: "k-123", clientKey: "k-123");
        var bytes = TestImages.Png(seed: 5);
        var url = await h.Storage.UploadAsync(new MemoryStream(bytes), "image/png", "me.png");
        var put = h.Recorder.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Authorized.ShouldBeFalse();
        h.Recorder.Requests.Single(r => r.Url.AbsolutePath == "/storage/upload/initiate").Authorized.ShouldBeTrue();

        var saved = await h.Downloader.DownloadAsync(url, h.Dir.File("copy.png"));
        (await File.ReadAllBytesAsync(saved.Path)).ShouldBe(bytes);
        saved.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        h.Recorder.Requests.Single(r => r.Method == HttpMethod.Get && r.Url == url).Authorized.ShouldBeFalse();
        h.Emulator.GetStats().Uploads.ShouldBe(1);
    }

    [Fact]
    public async Task A_download_leaves_no_part_file_and_never_overwrites()
    {
        await using var h = await FalHarness.StartAsync();
        var url = new Uri(await h.UploadImageAsync());
        var target = h.Dir.File("out.png");
        await h.Downloader.DownloadAsync(url, target);
        await Should.ThrowAsync<IOException>(() => h.Downloader.DownloadAsync(url, target));
        Directory.GetFiles(h.Dir.Path).ShouldNotContain(f => f.Contains(".part"));
    }

    [Fact]
    public async Task A_missing_file_is_a_media_error_and_nothing_is_left_behind()
    {
        await using var h = await FalHarness.StartAsync();
        var error = await Should.ThrowAsync<FalMediaException>(() => h.Downloader.DownloadAsync(new Uri(h.Emulator.BaseUri, "files/nope/video.mp4"), h.Dir.File("v.mp4")));
        error.Message.ShouldContain("404");
        Directory.GetFiles(h.Dir.Path).ShouldBeEmpty();
    }
}
