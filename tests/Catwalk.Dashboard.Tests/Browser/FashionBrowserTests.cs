using System.Globalization;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>
/// Real fashion metrics (measured at start by the vision worker on videos made from real photographs) in Chromium:
/// the frame strip, the Charts page's fashion columns, and the leaderboard's Pareto axis picker.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FashionBrowserTests(BrowserFixture browser, FashionDashboard fashion) : IClassFixture<FashionDashboard>
{
    [VisionFact]
    public async Task The_strip_shows_every_sampled_frame_with_its_face_and_marks_the_frame_where_identity_was_lowest()
    {
        var measured = fashion.Measured("job-veo3");
        var lowest = measured.Frames.Select((f, i) => (f, i)).Where(x => x.f.Identity is not null).MinBy(x => x.f.Identity!.Value).i;
        measured.Frames[lowest].TimeSec.ShouldBeGreaterThan(1.5, "the stranger is in the second half");

        await using var page = await browser.OpenAsync("generations/job-veo3", fashion.Server.BaseUri);
        await page.WaitForAsync("[data-testid=frame-strip]");
        (await page.Page.Locator(".strip-frame").CountAsync()).ShouldBe(FashionDashboard.Frames);
        await ImagesLoadedAsync(page, "img.strip-thumb", FashionDashboard.Frames);
        await ImagesLoadedAsync(page, "img.strip-face", measured.Frames.Count(f => f.FaceBox is not null));
        var marked = page.Page.Locator(".strip-frame[data-lowest=true]");
        (await marked.CountAsync()).ShouldBe(1);
        (await marked.GetAttributeAsync("data-index")).ShouldBe(lowest.ToString(CultureInfo.InvariantCulture));
        (await marked.Locator(".lowest-mark").IsVisibleAsync()).ShouldBeTrue();
        (await marked.Locator(".identity").InnerTextAsync()).ShouldBe(measured.Frames[lowest].Identity!.Value.ToString("0.00", CultureInfo.InvariantCulture));
        (await page.Page.Locator("rect.face-box").CountAsync()).ShouldBe(measured.Frames.Count(f => f.FaceBox is not null));
        (await page.Page.Locator("[data-testid=emulated-note]").CountAsync()).ShouldBe(0);
        page.ShouldHaveNoErrors();
    }

    [VisionFact]
    public async Task A_full_body_video_shows_its_keypoints_and_garment_outline_and_says_it_was_emulated()
    {
        var measured = fashion.Measured("job-kling");
        measured.Frames.ShouldAllBe(f => f.Width > 0 && f.Keypoints != null && f.GarmentOutline != null, "the worker sends size, keypoints and outline");
        await using var page = await browser.OpenAsync("generations/job-kling", fashion.Server.BaseUri);
        await page.WaitForAsync("[data-testid=frame-strip]");
        await ImagesLoadedAsync(page, "img.strip-thumb", FashionDashboard.Frames);
        (await page.Page.Locator("polygon.garment-outline").CountAsync()).ShouldBe(FashionDashboard.Frames);
        (await page.Page.Locator("circle.keypoint[data-part=leftAnkle]").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Page.Locator(".strip-frame[data-full-body=true]").CountAsync()).ShouldBe(measured.Frames.Count(f => f.FullBody));
        (await page.Page.Locator(".strip-frame[data-lowest=true]").CountAsync()).ShouldBe(0, "no identity was measured");
        (await page.Page.Locator("[data-testid=emulated-note]").IsVisibleAsync()).ShouldBeTrue();

        await using var image = await browser.OpenAsync("generations/job-image", fashion.Server.BaseUri);
        await image.WaitForAsync("[data-testid=frame-strip]");
        await ImagesLoadedAsync(image, "img.strip-thumb", 1);
        page.ShouldHaveNoErrors();
        image.ShouldHaveNoErrors();
    }

    [VisionFact]
    public async Task The_charts_fashion_columns_show_the_measured_numbers_per_model_image_model_included()
    {
        await using var page = await browser.OpenAsync("charts", fashion.Server.BaseUri);
        await page.WaitForAsync("[data-testid=fashion-table]");
        async Task<string> Cell(string model, string css) => await page.Page.InnerTextAsync($"[data-testid=fashion-table] tr[data-model={model}] td.{css}");
        static double Number(string text) => double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture);

        Number(await Cell("veo3", "identity")).ShouldBe(fashion.Measured("job-veo3").IdentityMean!.Value, 0.005);
        Number(await Cell("kling", "garment-delta-e")).ShouldBe(fashion.Measured("job-kling").GarmentDeltaE!.Value, 0.05);
        Number(await Cell("kling", "full-body")).ShouldBe(100 * fashion.Measured("job-kling").FullBodyShare!.Value, 0.05);
        Number(await Cell("nano-banana-edit", "garment-delta-e")).ShouldBe(fashion.Measured("job-image").GarmentDeltaE!.Value, 0.05);
        (await Cell("veo3", "garment-delta-e")).ShouldBe("–", "no outfit reference");
        (await Cell("veo3", "fashion-flagged")).ShouldBe("1", "face changed / drifts");
        (await page.Page.Locator("[data-testid=fashion-emulated-note]").IsVisibleAsync()).ShouldBeTrue();
        page.ShouldHaveNoErrors();
    }

    [VisionFact]
    public async Task The_axis_picker_redraws_the_pareto_chart_on_identity_garment_and_full_body()
    {
        await using var page = await browser.OpenAsync("leaderboard", fashion.Server.BaseUri);
        await page.WaitForAsync("[data-testid=pareto-empty]"); // the default axis is the vote rating, and nobody voted

        await page.Page.SelectOptionAsync("[data-testid=pareto-axis]", "full_body_share");
        await AtAsync(page, "?quality=full_body_share");
        (await PointsAsync(page, 2)).ShouldBe(2);
        (await page.Page.InnerTextAsync("[data-testid=pareto-front]")).ShouldBe("kling, veo3");

        await page.Page.SelectOptionAsync("[data-testid=pareto-axis]", "identity_mean");
        await AtAsync(page, "?quality=identity_mean");
        (await PointsAsync(page, 1)).ShouldBe(1); // only veo3 was measured against a face
        (await page.Page.InnerTextAsync("[data-testid=pareto-front]")).ShouldBe("veo3");

        await page.Page.SelectOptionAsync("[data-testid=pareto-axis]", "garment_delta_e");
        await AtAsync(page, "?quality=garment_delta_e");
        (await PointsAsync(page, 1)).ShouldBe(1); // only kling against an outfit
        (await page.Page.InnerTextAsync("[data-testid=pareto-front]")).ShouldBe("kling");
        (await page.Page.InnerTextAsync("h5:has-text('Pareto')")).ShouldContain("garment ΔE");
        (await page.Page.Locator("[data-testid=pareto-emulated-note]").IsVisibleAsync()).ShouldBeTrue();
        page.ShouldHaveNoErrors();
    }

    /// <summary>The picker navigates within the page (no load): waits for the address to carry the choice.</summary>
    private static Task AtAsync(BrowserPage page, string search) =>
        page.Page.WaitForFunctionAsync($"() => location.search === '{search}'", null, new() { Timeout = 15_000 });

    /// <summary>Waits until every matching image has loaded with pixels (the frame endpoint answered with a JPEG).</summary>
    private static async Task ImagesLoadedAsync(BrowserPage page, string selector, int count)
    {
        await page.Page.WaitForFunctionAsync($"() => {{ const all = [...document.querySelectorAll('{selector}')]; all.forEach(i => i.loading = 'eager'); return all.length === {count} && all.every(i => i.complete && i.naturalWidth > 0); }}",
            null, new() { Timeout = 60_000 });
    }

    /// <summary>The Pareto chart's points once it shows <paramref name="expected"/> (a redraw replaces the chart).</summary>
    private static async Task<int> PointsAsync(BrowserPage page, int expected)
    {
        const string count = "(document.getElementById('chart-pareto')?.data ?? []).reduce((n, t) => n + (t.x?.length ?? 0), 0)";
        try { await page.Page.WaitForFunctionAsync($"() => {count} === {expected}", null, new() { Timeout = 15_000 }); }
        catch (TimeoutException) { }
        return await page.Page.EvaluateAsync<int>($"() => {count}");
    }
}
