using System.Net;
using System.Text.RegularExpressions;
using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Domain;
using Catwalk.Store;
using CsvHelper;
using SkiaSharp;

namespace Catwalk.Dashboard.Tests.Components.Pages;

/// <summary>
/// The compare page as a look's image × video model matrix, served over HTTP (prerendered) from a real emulated run of
/// 2 image models × 2 angles × 2 video models; its posters cut with ffmpeg; the generations' image-axis filters.
/// </summary>
public sealed class CompareMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private MatrixDashboard Dashboard => fixture.Dashboard;

    [Fact]
    public async Task The_matrix_has_a_row_per_image_and_a_column_per_video_model_with_posters_latency_and_cost()
    {
        Dashboard.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        var html = await Dashboard.Http.GetStringAsync(LookMatrix.UrlOf(Dashboard.RunId, Dashboard.MatrixKey));

        var rows = Regex.Matches(html, "data-testid=\"compare-row\" data-image-model=\"([^\"]*)\" data-angle=\"([^\"]*)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        // In the order the run asked for them: image model, then angle.
        rows.ShouldBe([("nano-banana-edit", "front"), ("nano-banana-edit", "three-quarter"), ("seedream-edit", "front"), ("seedream-edit", "three-quarter")]);
        Regex.Matches(html, "data-testid=\"compare-column\" data-model=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ShouldBe(MatrixDashboard.VideoModels);
        Regex.Matches(html, "data-testid=\"play-row\"").Count.ShouldBe(4);
        Regex.Matches(html, "data-testid=\"play-column\"").Count.ShouldBe(2);

        // Every cell is the video that animates that row's image, with its poster; each row starts with its image.
        var images = rows.Select(row => Dashboard.Jobs.Single(j => j.Stage == StageKind.Image && j.ModelKey == row.Item1 && j.InputKey.EndsWith("/" + row.Item2, StringComparison.Ordinal))).ToList();
        for (var r = 0; r < images.Count; r++)
        {
            html.ShouldContain($"src=\"media/{images[r].Id}\"");
            for (var c = 0; c < MatrixDashboard.VideoModels.Length; c++)
            {
                var video = Dashboard.Jobs.Single(j => j.InputJobId == images[r].Id && j.ModelKey == MatrixDashboard.VideoModels[c]);
                html.ShouldContain($"<video src=\"media/{video.Id}\" poster=\"media/{video.Id}/poster\" data-model=\"{video.ModelKey}\" data-row=\"{r}\" data-col=\"{c}\"");
                html.ShouldContain($"latency {Format.Seconds(video.LatencySec)}</a> · cost {Format.Usd(video.CostUsd ?? video.EstimatedCostUsd)}");
            }
        }
        html.ShouldNotContain("data-testid=\"compare-missing\"");
    }

    [Fact]
    public async Task A_videos_own_input_key_opens_its_looks_matrix_and_the_picker_links_the_look()
    {
        var video = Dashboard.Jobs.First(j => j.Stage == StageKind.Video && j.InputKey.Contains("/seedream-edit/three-quarter@", StringComparison.Ordinal));
        var html = await Dashboard.Http.GetStringAsync(LookMatrix.UrlOf(Dashboard.RunId, video.InputKey));
        Regex.Matches(html, "data-testid=\"compare-row\"").Count.ShouldBe(4);
        Regex.Matches(html, "<video ").Count.ShouldBe(8);

        var picker = await Dashboard.Http.GetStringAsync("compare");
        picker.ShouldContain($"href=\"{LookMatrix.UrlOf(Dashboard.RunId, Dashboard.MatrixKey)}\"");
        picker.ShouldContain("8 video(s) of 4 images: kling, pika");
    }

    [Fact]
    public async Task A_poster_is_the_videos_first_frame_as_a_jpeg_cached_on_disk()
    {
        var video = Dashboard.Jobs.First(j => j.Stage == StageKind.Video);
        using var response = await Dashboard.Http.GetAsync($"media/{video.Id}/poster");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using var poster = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        poster.ShouldNotBeNull();
        Math.Max(poster.Width, poster.Height).ShouldBeLessThanOrEqualTo(PosterImages.Side);

        // The same picture as ffmpeg's own first frame of the file.
        var first = Path.Combine(Dashboard.OutputRoot, $"first-{Guid.NewGuid():N}.png");
        await Ffmpeg("-i", Path.Combine(Dashboard.OutputRoot, video.FilePath!), "-frames:v", "1", "-vf", $"scale={poster.Width}:{poster.Height}", first);
        using var expected = SKBitmap.Decode(first);
        foreach (var (x, y) in new[] { (poster.Width / 2, poster.Height / 2), (poster.Width / 4, poster.Height / 3), (poster.Width * 3 / 4, poster.Height * 2 / 3) })
        {
            var (a, b) = (poster.GetPixel(x, y), expected.GetPixel(x, y));
            (Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue)).ShouldBeLessThan(60, $"pixel {x},{y}: {a} vs {b}");
        }
        var cached = Directory.GetFiles(Path.Combine(Dashboard.OutputRoot, ".cache", "posters"), "*.jpg");
        cached.ShouldNotBeEmpty();
        cached.ShouldNotContain(f => f.Contains(".tmp", StringComparison.Ordinal));
        // A second request is the cached file, not another decode.
        var written = File.GetLastWriteTimeUtc(cached.Single(f => Path.GetFileName(f).StartsWith(PosterName(video.Id), StringComparison.Ordinal)));
        (await Dashboard.Http.GetByteArrayAsync($"media/{video.Id}/poster")).Length.ShouldBeGreaterThan(0);
        File.GetLastWriteTimeUtc(cached.Single(f => Path.GetFileName(f).StartsWith(PosterName(video.Id), StringComparison.Ordinal))).ShouldBe(written);
    }

    [Fact]
    public async Task Only_a_stored_video_has_a_poster()
    {
        var image = Dashboard.Jobs.First(j => j.Stage == StageKind.Image);
        (await Dashboard.Http.GetAsync($"media/{image.Id}/poster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Dashboard.Http.GetAsync("media/no-such-job/poster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Dashboard.Http.GetAsync("media/..%2F..%2Fetc/poster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Generations_and_exports_filter_by_image_model_and_angle()
    {
        var seedreamFront = Dashboard.Jobs.Single(j => j.Stage == StageKind.Image && j.ModelKey == "seedream-edit" && j.InputKey.EndsWith("/front", StringComparison.Ordinal));
        var expected = Dashboard.Jobs.Where(j => j.Id == seedreamFront.Id || j.InputJobId == seedreamFront.Id).Select(j => j.Id).Order().ToList();
        expected.Count.ShouldBe(3); // the image and its two videos

        (await CsvJobIds("export.csv?image_model=seedream-edit&angle=front")).ShouldBe(expected);
        (await CsvJobIds("export.csv?image_model=seedream-edit")).Count.ShouldBe(6);
        (await CsvJobIds("export.csv?angle=three-quarter&model=kling")).Count.ShouldBe(2);
        (await CsvJobIds("export.csv?angle=back")).ShouldBeEmpty();

        var page = await Dashboard.Http.GetStringAsync("generations?image_model=seedream-edit&angle=three-quarter");
        page.ShouldContain("name=\"image_model\"");
        page.ShouldContain("<option value=\"seedream-edit\" selected");
        page.ShouldContain("<option value=\"three-quarter\" selected");
        page.ShouldContain("href=\"export.csv?image_model=seedream-edit&amp;angle=three-quarter\"");
    }

    private async Task<List<string>> CsvJobIds(string url)
    {
        using var reader = CsvReader.FromText(await Dashboard.Http.GetStringAsync(url), new CsvReaderOptions());
        var column = reader.Headers.ToList().IndexOf("job_id");
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(column));
        return [.. ids.Order()];
    }

    private static string PosterName(string jobId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jobId)))[..16];

    private static async Task Ffmpeg(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
    }
}
