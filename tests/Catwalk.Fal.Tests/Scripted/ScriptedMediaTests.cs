using System.Security.Cryptography;
using System.Text.Json;
using Catwalk.Testing;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>Uploads and downloads against answers the emulator does not give: error pages, empty files, stalls, a 500 then success.</summary>
public sealed class ScriptedMediaTests : IDisposable
{
    private static readonly byte[] Video = RandomNumberGenerator.GetBytes(300_000);
    private readonly TempDirectory _dir = new("catwalk-fal-media-");

    public void Dispose() => _dir.Dispose();

    private static async Task Bytes(HttpContext context, string contentType, byte[] bytes, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private void NothingLeftBehind() => Directory.GetFiles(_dir.Path).ShouldBeEmpty();

    [Fact]
    public async Task A_download_is_retried_after_a_500_hashed_while_streaming_and_never_carries_the_key()
    {
        var calls = 0;
        await using var fal = await ScriptedFal.StartAsync(context => Interlocked.Increment(ref calls) == 1
            ? Bytes(context, "application/json", "{\"detail\":\"oops\"}"u8.ToArray(), 500)
            : Bytes(context, "video/mp4", Video), key: "k-secret");
        // Same host as QueueUrl on purpose: media requests get no Authorization even there.
        var saved = await fal.Downloader.DownloadAsync(new Uri(fal.Server.BaseUri, "files/a/video.mp4?sig=abc"), _dir.File("v.mp4"));
        (saved.SizeBytes, saved.ContentType, saved.Sha256).ShouldBe((Video.Length, "video/mp4", Convert.ToHexStringLower(SHA256.HashData(Video))));
        (await File.ReadAllBytesAsync(saved.Path)).ShouldBe(Video);
        fal.Server.Requests.Count.ShouldBe(2);
        fal.Server.Requests.ShouldAllBe(r => r.Header("Authorization") == null);
        Directory.GetFiles(_dir.Path).ShouldBe([saved.Path]);
    }

    [Theory]
    [InlineData("text/html", "<html>Access denied</html>", "text/html")]
    [InlineData("video/mp4", "", "empty")]
    public async Task An_error_page_or_an_empty_file_is_a_media_error_and_leaves_nothing(string contentType, string body, string expected)
    {
        await using var fal = await ScriptedFal.StartAsync(context => Bytes(context, contentType, System.Text.Encoding.UTF8.GetBytes(body)));
        var error = await Should.ThrowAsync<FalMediaException>(() => fal.Downloader.DownloadAsync(new Uri(fal.Server.BaseUri, "files/v.mp4"), _dir.File("v.mp4")));
        error.Message.ShouldContain(expected);
        NothingLeftBehind();
    }

    [Fact]
    public async Task A_stalled_download_times_out_and_a_cancelled_one_leaves_nothing()
    {
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = Video.Length;
            await context.Response.Body.WriteAsync(Video.AsMemory(0, 100_000));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        }, configure: o => o.DownloadTimeout = TimeSpan.FromMilliseconds(500));
        var url = new Uri(fal.Server.BaseUri, "files/v.mp4");

        var timedOut = await Should.ThrowAsync<FalMediaException>(() => fal.Downloader.DownloadAsync(url, _dir.File("a.mp4")));
        timedOut.Message.ShouldContain("took longer than");
        NothingLeftBehind();

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Should.ThrowAsync<OperationCanceledException>(() => fal.Downloader.DownloadAsync(url, _dir.File("b.mp4"), cancel.Token));
        NothingLeftBehind();
    }

    [Fact]
    public async Task An_upload_initiates_with_the_key_then_puts_the_raw_bytes_without_it()
    {
        byte[]? put = null;
        JsonElement initiate = default;
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            if (context.Request.Method == "POST")
            {
                initiate = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
                await context.Response.WriteAsJsonAsync(new { upload_url = $"http://{context.Request.Host}/put/1?X-Signature=s", file_url = "https://v3.fal.media/files/me.png" });
                return;
            }
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            put = buffer.ToArray();
        }, key: "k-secret");
        var png = TestImages.Png(64, 64);

        var url = await fal.Storage.UploadAsync(new MemoryStream(png), "image/png", "me.png");

        url.ShouldBe(new Uri("https://v3.fal.media/files/me.png"));
        put.ShouldBe(png);
        (initiate.GetProperty("content_type").GetString(), initiate.GetProperty("file_name").GetString()).ShouldBe(("image/png", "me.png"));
        var (first, second) = (fal.Server.Requests.First(), fal.Server.Requests.Last());
        (first.Method, first.PathAndQuery, first.Header("Authorization")).ShouldBe(("POST", "/storage/upload/initiate?storage_type=fal-cdn-v3", "Key k-secret"));
        (second.Method, second.PathAndQuery, second.Header("Authorization"), second.Header("Content-Type")).ShouldBe(("PUT", "/put/1?X-Signature=s", (string?)null, "image/png"));
    }
}
