using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>The dashboard in a real browser (Debian's Chromium): what people see, charts drawn, videos playing, no errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_shows_the_seeded_numbers()
    {
        await using var page = await browser.OpenAsync("");
        (await page.Page.Locator("[data-testid=total-videos]").InnerTextAsync()).ShouldBe("4");
        (await page.Page.Locator("[data-testid=total-spend]").InnerTextAsync()).ShouldBe("$1.54");
        (await page.Page.Locator("tr[data-model=kling] .avg-latency").InnerTextAsync()).ShouldBe("20.0 s");
        await page.Page.WaitForTimeoutAsync(500); // let the circuit connect and any late error surface
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Charts_are_drawn_with_one_trace_per_model_or_part()
    {
        await using var page = await browser.OpenAsync("charts");
        async Task<int> Traces(string id)
        {
            await page.Page.WaitForFunctionAsync($"() => document.getElementById('{id}')?.data?.length > 0", null, new() { Timeout = 15_000 });
            return await page.Page.EvaluateAsync<int>($"() => document.getElementById('{id}').data.length");
        }
        (await Traces("chart-avg-latency")).ShouldBe(1);
        (await Traces("chart-latency-box")).ShouldBe(4);   // nano-banana-edit, kling, pika, veo3 (luma failed: no latency)
        // Each box drawn from the quartiles the report computed (no job's latency sent for it).
        (await page.Page.EvaluateAsync<bool>("() => document.getElementById('chart-latency-box').data.every(t => t.q1[0] <= t.median[0] && t.median[0] <= t.q3[0] && t.lowerfence[0] <= t.q1[0] && t.q3[0] <= t.upperfence[0])")).ShouldBeTrue();
        (await page.Page.EvaluateAsync<int>("() => document.querySelectorAll('#chart-latency-box .boxlayer .trace').length")).ShouldBe(4);
        (await Traces("chart-timeline")).ShouldBe(4);
        (await Traces("chart-cost")).ShouldBe(2);
        (await Traces("chart-latency-split")).ShouldBe(3); // queue, inference, download
        (await page.Page.EvaluateAsync<int>("() => document.querySelectorAll('#chart-latency-split .barlayer .trace').length")).ShouldBe(3);
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_detail_video_plays()
    {
        await using var page = await browser.OpenAsync("generations/job-veo3");
        await page.Page.EvaluateAsync("async () => { const v = document.getElementById('job-video'); v.muted = true; await v.play(); }");
        try { await page.Page.WaitForFunctionAsync("() => document.getElementById('job-video').currentTime > 0.3", null, new() { Timeout = 10_000 }); }
        catch (TimeoutException)
        {
            var state = await page.Page.EvaluateAsync<string>("() => { const v = document.getElementById('job-video'); return JSON.stringify({t: v.currentTime, paused: v.paused, ready: v.readyState, error: v.error?.code, ended: v.ended}); }");
            throw new TimeoutException($"the video did not advance: {state}; {string.Join(" | ", page.Errors)}");
        }
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_prompt_with_a_script_tag_is_shown_as_text()
    {
        await using var page = await browser.OpenAsync("generations/job-kling");
        (await page.Page.Locator("[data-testid=prompt]").InnerTextAsync()).ShouldBe(SeededDashboard.XssPrompt);
        (await page.Page.EvaluateAsync<int>("() => document.querySelectorAll('[data-testid=prompt] script, details script, details img').length")).ShouldBe(0);
        await page.Page.Locator("[data-testid=metadata] summary").ClickAsync();
        (await page.Page.Locator("[data-testid=metadata] pre").InnerTextAsync()).ShouldBe("not json <b>bold</b>");
        await page.Page.WaitForTimeoutAsync(500);
        page.ShouldHaveNoErrors(); // no alert() dialog either
    }

    [Fact]
    public async Task Side_by_side_videos_of_one_image_play_together_and_follow_a_seek()
    {
        await using var page = await browser.OpenAsync($"compare/{SeededDashboard.RunId}/{Uri.EscapeDataString(SeededDashboard.InputKey)}");
        await page.WaitForAsync("[data-testid=compare-grid][data-synced=true]");
        (await page.Page.Locator("[data-testid=compare-grid] video").CountAsync()).ShouldBe(2); // kling, veo3 (luma failed: a dash)
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=compare-grid] video')].every(v => v.readyState >= 1)");
        await page.Page.Locator("[data-testid=play-row]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=compare-grid] video')].every(v => !v.paused)", null, new() { Timeout = 10_000 });
        await page.Page.EvaluateAsync("() => { document.querySelector('[data-testid=compare-grid] video').currentTime = 1.0; }");
        await page.Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=compare-grid] video')].every(v => !v.seeking && Math.abs(v.currentTime - 1.0) < 0.4)", null, new() { Timeout = 10_000 });
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_generations_table_pages_and_searches_on_the_server()
    {
        await using var page = await browser.OpenAsync("generations");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=generations] tbody tr').length === 6", null, new() { Timeout = 15_000 });
        await page.Page.Locator(".generation-search input").FillAsync("kling");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=generations] tbody tr').length === 1", null, new() { Timeout = 15_000 });
        await page.Page.Locator("[data-testid=generations] tbody tr a").ClickAsync();
        await page.WaitForUrlAsync("**/generations/job-kling", 30_000);
        await page.WaitForAsync("[data-testid=prompt]"); // the detail page itself, not just its address
        page.ShouldHaveNoErrors();
    }
}
