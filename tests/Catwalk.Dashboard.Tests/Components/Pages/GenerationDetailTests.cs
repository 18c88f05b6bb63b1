using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Components.Pages;

public sealed class GenerationDetailTests
{
    [Fact]
    public async Task User_data_is_rendered_escaped_never_as_markup()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("generations/job-kling");
        html.ShouldContain("walks &lt;script&gt;alert(1)&lt;/script&gt; towards the camera");
        html.ShouldNotContain("<script>alert(");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldContain("not json &lt;b&gt;bold&lt;/b&gt;");
        html.ShouldContain("src=\"media/job-kling\"");
    }

    [Fact]
    public async Task The_detail_shows_the_video_and_the_pretty_json()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("generations/job-veo3");
        html.ShouldContain("<video id=\"job-video\" src=\"media/job-veo3\"");
        html.ShouldContain("&quot;duration&quot;: &quot;2s&quot;");
        html.ShouldContain("Raw response");
        var missing = await dashboard.Http.GetStringAsync("generations/nope");
        missing.ShouldContain("No generation with this id");
    }

    [Fact]
    public async Task A_video_shows_its_poster_frame_before_playback_unless_its_file_lies_outside_the_outputs()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("generations/job-veo3");
        html.ShouldContain("poster=\"media/job-veo3/poster\"");
        using var poster = await dashboard.Http.GetAsync("media/job-veo3/poster");
        poster.EnsureSuccessStatusCode();
        poster.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        // An import's file found elsewhere is played where it is, never decoded: no poster to ask for (it would be a 404).
        (await dashboard.Http.GetStringAsync("generations/job-old")).ShouldNotContain("poster=");
    }
}
