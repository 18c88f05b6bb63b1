using System.Net;
using Catwalk.Dashboard.Tests.Support;
using SkiaSharp;

namespace Catwalk.Dashboard.Tests.Endpoints;

/// <summary>
/// <c>/media/{job}/frames/{i}[/face]</c>: the stored sampled frames cut from the job's real file with ffmpeg, at their
/// stored times, cached atomically, refused for anything outside a run's outputs; and the strip they feed.
/// </summary>
public sealed class FrameEndpointsTests : IAsyncLifetime
{
    private FrameDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await FrameDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task Each_stored_frame_is_a_jpeg_of_the_video_at_its_stored_time()
    {
        // The video is red until 1 s and blue from frame 25 (1.0 s) on: frames 0.96 and 1.0 are one frame apart.
        var expected = new[] { SKColors.Red, SKColors.Red, SKColors.Blue, SKColors.Blue };
        foreach (var job in new[] { "job-new", "job-old" })
            for (var i = 0; i < FrameDashboard.Times.Length; i++)
            {
                using var bitmap = await JpegAsync($"media/{job}/frames/{i}");
                (bitmap.Width, bitmap.Height).ShouldBe((320, 240), $"{job} frame {i}: at most {Catwalk.Dashboard.Data.FrameImages.ThumbnailSide} px, never enlarged");
                ShouldBeNear(bitmap.GetPixel(20, 200), expected[i], $"{job} frame {i} at {FrameDashboard.Times[i]} s");
            }
    }

    [Fact]
    public async Task The_face_crop_is_the_stored_face_box_for_new_rows_old_rows_and_an_image()
    {
        using var video = await JpegAsync("media/job-new/frames/1/face");
        video.Width.ShouldBeLessThanOrEqualTo(Catwalk.Dashboard.Data.FrameImages.FaceSide);
        ShouldBeNear(video.GetPixel(video.Width / 2, video.Height / 2), SKColors.Yellow, "the yellow square of the video");
        ShouldBeNear(video.GetPixel(1, 1), SKColors.Red, "a fifth of the box's size around it");

        // An old row has no measured size: the video's stored size, shrunk as the sampling shrinks it (320×240 stays).
        using var old = await JpegAsync("media/job-old/frames/3/face");
        ShouldBeNear(old.GetPixel(old.Width / 2, old.Height / 2), SKColors.Yellow, "old row's face");

        // An image is measured at its own size (found with ffprobe for an old row): the magenta square.
        using var image = await JpegAsync("media/job-image/frames/0/face");
        ShouldBeNear(image.GetPixel(image.Width / 2, image.Height / 2), SKColors.Magenta, "the image's face");
        using var whole = await JpegAsync("media/job-image/frames/0");
        (whole.Width, whole.Height).ShouldBe((200, 300));
    }

    [Fact]
    public async Task A_frame_is_cut_once_and_served_from_its_cache_with_no_temp_file_left()
    {
        using var first = await _dashboard.Http.GetAsync("media/job-new/frames/2");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cached = Directory.GetFiles(_dashboard.CacheFolder, "*", SearchOption.AllDirectories);
        cached.Length.ShouldBe(1);
        cached[0].ShouldEndWith(".jpg");
        cached[0].ShouldNotContain(".tmp");
        var written = File.GetLastWriteTimeUtc(cached[0]);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        (await File.ReadAllBytesAsync(cached[0])).ShouldBe(bytes);

        await Task.Delay(50);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await _dashboard.Http.GetByteArrayAsync("media/job-new/frames/2")).ShouldBe(bytes)));
        Directory.GetFiles(_dashboard.CacheFolder, "*", SearchOption.AllDirectories).ShouldBe(cached);
        File.GetLastWriteTimeUtc(cached[0]).ShouldBe(written, "served from the cache, not cut again");
    }

    [Theory]
    [InlineData("media/job-escape/frames/0")]        // stored path leaves the run's output folder
    [InlineData("media/job-imported/frames/0")]      // an import's absolute path outside its run's folder
    [InlineData("media/job-imported/frames/0/face")]
    [InlineData("media/job-new/frames/4")]           // no such frame
    [InlineData("media/job-new/frames/-1")]
    [InlineData("media/job-new/frames/abc")]
    [InlineData("media/job-new/frames/0/face")]      // that frame has no face
    [InlineData("media/job-unmeasured/frames/0")]
    [InlineData("media/job-skipped/frames/0")]       // fashion skipped: no frames
    [InlineData("media/no-such-job/frames/0")]
    [InlineData("media/..%2F..%2Fetc%2Fpasswd/frames/0")]
    [InlineData("media/%2Fetc%2Fpasswd/frames/0")]
    public async Task Anything_but_a_stored_frame_of_a_file_inside_its_runs_outputs_is_404(string url)
    {
        using var response = await _dashboard.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        if (Directory.Exists(_dashboard.CacheFolder)) Directory.GetFiles(_dashboard.CacheFolder, "*", SearchOption.AllDirectories).ShouldBeEmpty(url);
    }

    [Fact]
    public async Task The_imported_file_itself_is_still_served_whole()
    {
        using var response = await _dashboard.Http.GetAsync("media/job-imported");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_detail_page_shows_the_strip_for_new_and_old_rows_with_the_lowest_identity_marked()
    {
        var fresh = await _dashboard.Http.GetStringAsync("generations/job-new");
        fresh.ShouldContain("data-testid=\"frame-strip\" data-frames=\"4\"");
        Count(fresh, "class=\"strip-thumb\"").ShouldBe(4);
        Count(fresh, "data-lowest=\"true\"").ShouldBe(1);
        fresh.ShouldContain("data-index=\"2\" data-lowest=\"true\"");        // identity 0.3
        Count(fresh, "class=\"keypoint\"").ShouldBe(8);                    // nose and left ankle ×4; the right ankle's 0.1 is not drawn
        Count(fresh, "class=\"garment-outline\"").ShouldBe(4);
        Count(fresh, "class=\"face-box\"").ShouldBe(1);
        fresh.ShouldContain("viewBox=\"0 0 320 240\"");
        fresh.ShouldContain("data-testid=\"emulated-note\"");

        var old = await _dashboard.Http.GetStringAsync("generations/job-old");
        Count(old, "class=\"strip-thumb\"").ShouldBe(4);
        old.ShouldContain("data-index=\"3\" data-lowest=\"true\"");          // 0.9, 0.8, 0.7, 0.6
        old.ShouldContain("viewBox=\"0 0 320 240\"");                       // the video's stored size
        Count(old, "class=\"face-box\"").ShouldBe(4);
        Count(old, "class=\"keypoint\"").ShouldBe(0);
        old.ShouldNotContain("data-testid=\"emulated-note\"");

        var image = await _dashboard.Http.GetStringAsync("generations/job-image");
        Count(image, "class=\"strip-thumb\"").ShouldBe(1);
        image.ShouldContain("viewBox=\"0 0 200 300\"");                     // the image's own size, from the file
        image.ShouldContain("The measured image");

        (await _dashboard.Http.GetStringAsync("generations/job-unmeasured")).ShouldNotContain("frame-strip");
        (await _dashboard.Http.GetStringAsync("generations/job-skipped")).ShouldNotContain("frame-strip");
    }

    private async Task<SKBitmap> JpegAsync(string url)
    {
        using var response = await _dashboard.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe(new byte[] { 0xFF, 0xD8 }, url);
        return SKBitmap.Decode(bytes).ShouldNotBeNull(url);
    }

    private static void ShouldBeNear(SKColor actual, SKColor expected, string what) =>
        (Math.Abs(actual.Red - expected.Red) + Math.Abs(actual.Green - expected.Green) + Math.Abs(actual.Blue - expected.Blue)).ShouldBeLessThan(90, $"{what}: {actual} vs {expected}");

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
