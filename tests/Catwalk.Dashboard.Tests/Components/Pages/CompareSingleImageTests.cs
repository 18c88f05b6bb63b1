using System.Text.RegularExpressions;
using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Components.Pages;

/// <summary>A run of one image (and a compare link from before the matrix): one row, and an empty cell says why.</summary>
public sealed class CompareSingleImageTests
{
    [Fact]
    public async Task An_old_compare_link_is_the_looks_one_row_matrix_with_the_failed_video_as_a_dash_and_its_error()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync($"compare/{SeededDashboard.RunId}/{Uri.EscapeDataString(SeededDashboard.InputKey)}");
        Regex.Matches(html, "data-testid=\"compare-row\"").Count.ShouldBe(1);
        html.ShouldContain("src=\"media/job-image\"");
        Regex.Matches(html, "data-testid=\"compare-column\" data-model=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ShouldBe(["kling", "luma", "veo3"]);
        Regex.Matches(html, "<video src=\"media/(job-[a-z0-9]+)\" poster=\"media/job-[a-z0-9]+/poster\"").Select(m => m.Groups[1].Value).ShouldBe(["job-kling", "job-veo3"]);
        var missing = Regex.Match(html, "data-testid=\"compare-missing\">(.*?)</div>", RegexOptions.Singleline);
        missing.Success.ShouldBeTrue();
        missing.Groups[1].Value.ShouldContain("–");
        missing.Groups[1].Value.ShouldContain("failed: The model failed");

        (await dashboard.Http.GetStringAsync($"compare/{SeededDashboard.RunId}/no-such-look@2s")).ShouldContain("No videos for this input.");
    }
}
