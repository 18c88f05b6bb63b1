using System.Net;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Components.Pages;

public sealed class OverviewTests
{
    [Fact]
    public async Task An_empty_store_shows_the_first_run_page()
    {
        await using var dashboard = await SeededDashboard.StartAsync(empty: true);
        using var response = await dashboard.Http.GetAsync("");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("No runs in the store yet");
        html.ShouldContain("catwalk run");
    }

    [Fact]
    public async Task The_overview_shows_the_stored_numbers_and_applies_filters()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("");
        // veo3 ×2 (one in the 2024 run), kling, and pika (downloaded; its unsafe path is only refused by /media).
        Stat(html, "total-videos").ShouldBe("4");
        Stat(html, "models-tested").ShouldBe("4");
        Stat(html, "total-spend").ShouldBe("$1.54");

        var filtered = await dashboard.Http.GetStringAsync("?model=veo3&from=2025-01-01");
        Stat(filtered, "total-videos").ShouldBe("1");
        Stat(filtered, "total-spend").ShouldBe("$0.50");
        filtered.ShouldNotContain("data-model=\"kling\"");
    }

    [Fact]
    public async Task The_per_model_table_has_a_billed_column_empty_until_fals_bill_is_stored_then_what_fal_billed()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var before = await dashboard.Http.GetStringAsync("");
        before.ShouldContain(">Billed</th>");
        Billed(before, "veo3").ShouldBe("–");
        Billed(before, "kling").ShouldBe("–");

        await using (var store = await RunStoreFactory.OpenAsync(null, dashboard.OutputRoot))
            (await store.RecordBilledAsync([new JobBill("job-veo3", 0.4m, BillingSource.BillingEvents)])).ShouldBe(1);
        var after = await dashboard.Http.GetStringAsync("");
        Billed(after, "veo3").ShouldBe("$0.40"); // fal's bill, not the $0.50 spend estimate beside it
        Billed(after, "kling").ShouldBe("–", "kling's bill was never fetched");
        Stat(after, "total-spend").ShouldBe("$1.54");
    }

    private static string Billed(string html, string model)
    {
        var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr data-model=\"{model}\".*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(row, "class=\"billed\"[^>]*>([^<]*)<").Groups[1].Value);
    }

    private static string Stat(string html, string testId) =>
        System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<").Groups[1].Value;
}
