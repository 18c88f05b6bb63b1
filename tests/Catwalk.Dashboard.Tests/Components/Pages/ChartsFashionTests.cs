using System.Text.RegularExpressions;
using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Components.Pages;

/// <summary>The Charts page's fashion table over stored fashion metrics: numbers per model, "–" and the hint when unmeasured, the emulated note.</summary>
public sealed class ChartsFashionTests
{
    [Fact]
    public async Task Every_model_with_results_has_a_fashion_row_image_models_included_with_a_hint_and_the_emulated_note()
    {
        await using var dashboard = await FrameDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("charts");
        var table = Regex.Match(html, "data-testid=\"fashion-table\".*?</table>", RegexOptions.Singleline).Value;
        string Row(string model)
        {
            var row = Regex.Match(table, $"<tr data-model=\"{model}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).Value;
            row.ShouldNotBeEmpty(model);
            return row;
        }
        string Cell(string model, string css) => System.Net.WebUtility.HtmlDecode(Regex.Match(Row(model), $"class=\"{css}\">([^<]*)<").Groups[1].Value);

        table.ShouldNotBeEmpty();
        Regex.Matches(table, "<tr data-model=").Count.ShouldBe(6); // every model with a saved result: nano-banana-edit, veo3, kling, pika, luma, ltx
        Cell("nano-banana-edit", "identity").ShouldBe("0.70");
        Row("nano-banana-edit").ShouldContain("data-stage=\"image\"");
        Cell("veo3", "identity").ShouldBe("0.60");
        Cell("veo3", "full-body").ShouldBe("50%");
        Cell("veo3", "garment-delta-e").ShouldBe("–");
        Cell("veo3", "fashion-measured").ShouldBe("2 of 2");
        Cell("veo3", "fashion-flagged").ShouldBe("0");
        Row("veo3").ShouldContain("data-emulated=\"1\"");
        Cell("luma", "identity").ShouldBe("–");
        Cell("luma", "fashion-measured").ShouldBe("0 of 1");
        Cell("ltx", "fashion-flagged").ShouldBe("–"); // skipped: nothing measured
        html.ShouldContain("data-testid=\"fashion-hint\"");
        html.ShouldContain("catwalk metrics --all --only fashion");
        html.ShouldContain("data-testid=\"fashion-emulated-note\"");
    }
}
