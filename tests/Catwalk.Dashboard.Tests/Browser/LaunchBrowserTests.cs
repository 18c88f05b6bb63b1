using Catwalk.Domain;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>A run launched from the form in a real browser, followed live on its page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LaunchBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_run_launched_from_the_form_shows_its_videos_arriving_live()
    {
        var dashboard = await browser.LaunchDashboardAsync();
        await using var page = await browser.OpenAsync("launch", dashboard.Server.BaseUri);
        await page.WaitForAsync("[data-testid=launch-form][data-ready=true]");
        (await page.Page.Locator("[data-testid=emulated]").CountAsync()).ShouldBe(1);

        await page.Page.Locator("#person-file").SetInputFilesAsync(LaunchDashboard.Sample("person.png"));
        await page.Page.Locator("#face-file").SetInputFilesAsync(LaunchDashboard.Sample("face.png"));
        await page.Page.Locator("#outfit-files").SetInputFilesAsync([LaunchDashboard.Sample("outfit-top.png"), LaunchDashboard.Sample("outfit-trousers.png")]);
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=outfits-uploaded]').innerText.includes('outfit-trousers.png')", null, new() { Timeout = 15_000 });
        (await page.Page.Locator("[data-testid=person-uploaded]").InnerTextAsync()).ShouldEndWith("person.png");

        await page.Page.Locator(".model-pika input").CheckAsync();
        await page.Page.Locator(".model-ltx input").CheckAsync();
        await page.WaitForAsync("[data-testid=estimate]:has-text('2 videos')");
        var estimate = await page.Page.Locator("[data-testid=estimate]").InnerTextAsync();
        estimate.ShouldContain("for 3 jobs (1 image, 2 videos)");
        var expected = dashboard.Launcher.Plan(Catwalk.Dashboard.Tests.Launch.RunServiceLauncherTests.SampleSpec("pika", "ltx")).EstimatedCostUsd;
        estimate.ShouldStartWith(Catwalk.Dashboard.Data.Format.Usd(expected));

        await page.Page.Locator(".launch-run").ClickAsync();
        // Generous: under a full parallel test run the circuit can be slow; this waits for the launch, it does not time it.
        await page.WaitForUrlAsync("**/runs/*", 60_000);
        var runId = page.Page.Url[(page.Page.Url.LastIndexOf('/') + 1)..];
        await page.WaitForAsync("[data-testid=run-jobs]");
        // Mark the document: a reload would lose the mark, so seeing it at the end proves the rows changed in place.
        await page.Page.EvaluateAsync("() => { window.__noReload = true; }");
        var states = await page.Page.Locator("td.job-state").AllInnerTextsAsync();
        states.Count.ShouldBe(3);
        states.ShouldContain(s => s != "downloaded", "the run was already finished when its page first showed; the live update was not seen");
        await page.Page.WaitForFunctionAsync(
            "() => { const cells = [...document.querySelectorAll('td.job-state')]; return cells.length === 3 && cells.every(c => c.innerText.trim() === 'downloaded'); }",
            null, new() { Timeout = 90_000 });
        (await page.Page.EvaluateAsync<bool>("() => window.__noReload === true")).ShouldBeTrue();
        await page.WaitForAsync("[data-testid=run-status]:has-text('completed')", 60_000); // the run finishes after its last file
        (await page.Page.Locator("a.job-detail").CountAsync()).ShouldBe(3);

        var jobs = await dashboard.Store.GetJobsAsync(runId);
        jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        jobs.Where(j => j.Stage == StageKind.Video).Select(j => j.ModelKey).Order().ShouldBe(["ltx", "pika"]);
        jobs.ShouldAllBe(j => File.Exists(Path.Combine(dashboard.OutputRoot, j.FilePath!)));
        var look = Catwalk.Runs.RunService.SpecOf((await dashboard.Store.GetRunAsync(runId))!).Looks.Single();
        look.PersonImage.ShouldNotBeNull().ShouldStartWith(Path.Combine(dashboard.OutputRoot, "uploads"));
        look.OutfitImages.Count.ShouldBe(2);
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Outfit_pictures_get_garment_kinds_from_their_names_that_can_be_changed_and_the_try_on_plan_follows_them()
    {
        var dashboard = await browser.LaunchDashboardAsync();
        await using var page = await browser.OpenAsync("launch", dashboard.Server.BaseUri);
        await page.WaitForAsync("[data-testid=launch-form][data-ready=true]");
        await page.Page.Locator("#person-file").SetInputFilesAsync(LaunchDashboard.Sample("person.png"));
        await page.Page.Locator("#outfit-files").SetInputFilesAsync([LaunchDashboard.Sample("outfit-top.png"), LaunchDashboard.Sample("outfit-trousers.png"), LaunchDashboard.Sample("outfit-shoes.png")]);
        await page.WaitForAsync(".garment-kind-2");
        var kinds = new List<string>();
        for (var i = 0; i < 3; i++) kinds.Add(await page.Page.Locator($".garment-kind-{i} input").InputValueAsync());
        kinds.ShouldBe(["top", "bottom", "shoes"]);

        await page.Page.Locator(".image-model-fashn-tryon input").CheckAsync();
        await page.Page.Locator(".model-pika input").CheckAsync();
        // FASHN dresses the top, then the bottom: two image jobs, one video; the shoes are left out, and the form says so.
        await page.WaitForAsync("[data-testid=estimate]:has-text('2 image')");
        var leftOut = await page.Page.Locator(".launch-left-out").InnerTextAsync();
        (leftOut.Contains("fashn-tryon does not dress shoes:") && leftOut.Contains(" 'outfit-shoes.png' of look 'look' is left out")).ShouldBeTrue(leftOut);

        await page.Page.Locator(".garment-kind-2 input").ClickAsync();
        await page.Page.Locator(".mud-popover-open .mud-list-item:has-text('top')").ClickAsync();
        await page.WaitForAsync("[data-testid=estimate]:has-text('3 image')"); // the "shoes" were a second top: top, top, then the bottom
        (await page.Page.Locator(".launch-left-out").CountAsync()).ShouldBe(0);
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_gets_a_clear_message()
    {
        var dashboard = await browser.LaunchDashboardAsync();
        await using var page = await browser.OpenAsync("launch", dashboard.Server.BaseUri);
        await page.WaitForAsync("[data-testid=launch-form][data-ready=true]");
        await page.Page.Locator("#person-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "me.png", MimeType = "image/png", Buffer = "hello"u8.ToArray() });
        await page.WaitForAsync("[data-testid=upload-error]");
        (await page.Page.Locator("[data-testid=upload-error]").InnerTextAsync()).ShouldContain("not a PNG, JPEG or WebP");
        (await page.Page.Locator(".launch-run").IsDisabledAsync()).ShouldBeTrue();
        page.ShouldHaveNoErrors();
    }
}
