using System.Net;
using System.Net.Http.Headers;
using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Endpoints;

public sealed class MediaEndpointsTests : IAsyncLifetime
{
    private SeededDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await SeededDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task Serves_a_stored_video_with_its_type_and_honours_range_requests()
    {
        var bytes = await File.ReadAllBytesAsync(TestMedia.Video);
        using var whole = await _dashboard.Http.GetAsync("media/job-veo3");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        whole.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        using var request = new HttpRequestMessage(HttpMethod.Get, "media/job-veo3");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await _dashboard.Http.SendAsync(request);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 100-199/{bytes.Length}");
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[100..200]);
    }

    [Fact]
    public async Task Serves_an_image_and_an_imported_absolute_path()
    {
        using var image = await _dashboard.Http.GetAsync("media/job-image");
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await image.Content.ReadAsByteArrayAsync()).ShouldBe(await File.ReadAllBytesAsync(_dashboard.ImagePath));

        using var imported = await _dashboard.Http.GetAsync("media/job-old");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("media/job-luma")]                       // failed: no file
    [InlineData("media/job-escape")]                     // stored path leaves the run's output folder
    [InlineData("media/no-such-job")]
    [InlineData("media/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("media/%2Fetc%2Fpasswd")]
    [InlineData("media/%252e%252e%252fcatwalk.db")]
    [InlineData("media/../catwalk.db")]
    [InlineData("media/..%5Ccatwalk.db")]
    [InlineData("media/")]
    [InlineData("media/job-veo3/../../catwalk.db")]
    public async Task Anything_but_a_stored_job_with_its_file_is_404(string url)
    {
        using var response = await _dashboard.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_before_routing()
    {
        using var response = await _dashboard.Http.GetAsync("media/job-veo3%00");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // Kestrel's own answer: never the file
    }
}
