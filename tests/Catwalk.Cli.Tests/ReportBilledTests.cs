using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// <c>catwalk report --billed</c> end to end: runs against an emulator that outlives the CLI (so its requests are
/// "fal's", not emulated), then fal's bill fetched over loopback, stored with the jobs, and shown as estimate vs billed.
/// </summary>
public sealed class ReportBilledTests
{
    private const string Key = "billed-id:billed-secret-7788";
    private const string Admin = "admin-id:admin-secret-9900";
    private const decimal Discount = 20m;

    private static Task<FalEmulator> StartFalAsync(bool billingEvents = true, params string[] faults) => FalEmulator.StartAsync(new FalEmulatorOptions
    {
        RequiredKey = Key, AdminKey = Admin, PercentDiscount = Discount, LatencyScale = 0, ServeBillingEvents = billingEvents,
        Faults = [.. faults.Select(Catwalk.Emulator.Faults.FaultRule.Parse)],
    }, ModelCatalog.BuiltIn);

    /// <summary>The CLI's environment for that emulator: the normal key always, the ADMIN key when asked.</summary>
    private static Dictionary<string, string> Env(FalEmulator fal, string? key = Key, string? admin = null)
    {
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_API_URL"] = new Uri(fal.BaseUri, "v1").ToString(),
        };
        if (key is not null) env["FAL_KEY"] = key;
        if (admin is not null) env["FAL_ADMIN_KEY"] = admin;
        return env;
    }

    private static async Task VideoAsync(TempDirectory dir, IDictionary<string, string>? env, string models, int duration, int exitCode = 0)
    {
        if (!File.Exists(dir.File("look.png"))) TestImages.WritePng(dir.File("look.png"));
        var run = await CliRunner.RunAsync(dir.Path, env, "video", "--image", "look.png", "--models", models, "--duration", duration.ToString(), "--no-metrics", "--latency-scale", "0");
        run.ExitCode.ShouldBe(exitCode, run.ToString());
    }

    private static async Task<JsonObject> ReportJsonAsync(TempDirectory dir, IDictionary<string, string>? env = null, params string[] extra)
    {
        var result = await CliRunner.RunAsync(dir.Path, env, ["report", "--json", .. extra]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static IEnumerable<JsonObject> Videos(JsonObject report) => report["job_lines"]!.AsArray().Select(j => j!.AsObject()).Where(j => j["stage"]!.ToString() is "Video" or "video");

    [Fact]
    public async Task Billed_fetches_per_request_bills_stores_them_and_shows_estimate_vs_billed_with_the_discount()
    {
        await using var fal = await StartFalAsync(faults: "job@luma=job-fails");
        using var dir = new TempDirectory();
        await VideoAsync(dir, Env(fal), "veo3,kling,luma", 6, exitCode: 1); // luma's model fails: fal bills it nothing

        var before = await ReportJsonAsync(dir);
        before.ContainsKey("billed_usd").ShouldBeTrue("never fetched is null, not left out");
        before["billed_usd"].ShouldBeNull();
        before["models"]!.AsArray().ShouldAllBe(m => m!.AsObject().ContainsKey("billed_usd") && m["billed_usd"] == null);
        var plain = await CliRunner.RunAsync(dir.Path, null, "report");
        plain.Stdout.ShouldNotContain("Billed by fal");
        plain.Stdout.ShouldContain("`catwalk report --billed` asks fal what it billed");

        // No ADMIN key at all: one line naming what is missing and how to fix it, nothing asked of fal.
        var calls = fal.GetStats().PlatformCalls;
        var none = await CliRunner.RunAsync(dir.Path, Env(fal, key: null), "report", "--billed");
        none.ExitCode.ShouldBe(2, none.ToString());
        none.HasStackTrace.ShouldBeFalse(none.ToString());
        none.Output.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("FAL_ADMIN_KEY");
        fal.GetStats().PlatformCalls.ShouldBe(calls);
        // FAL_KEY that is a normal key: fal's refusal in one line.
        var normal = await CliRunner.RunAsync(dir.Path, Env(fal), "report", "--billed");
        normal.ExitCode.ShouldBe(3, normal.ToString());
        normal.HasStackTrace.ShouldBeFalse(normal.ToString());
        normal.Output.Split('\n').Where(l => l.StartsWith("Error:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("FAL_KEY is a normal API key");
        normal.Output.ShouldNotContain("billed-secret");
        (await ReportJsonAsync(dir))["billed_usd"].ShouldBeNull("a refused fetch stores nothing");

        var billed = await CliRunner.RunAsync(dir.Path, Env(fal, admin: Admin), "report", "--billed");
        billed.ExitCode.ShouldBe(0, billed.ToString());
        billed.Stdout.ShouldContain("Fetched what fal billed: 2 job(s)");
        billed.Stdout.ShouldContain("per request (billing events)");
        billed.Stdout.ShouldContain("account discount of 20%");
        billed.Stdout.ShouldContain("Billed by fal (estimate vs billed)");
        billed.Stdout.ShouldContain("(−20%)"); // the discount, as the difference between estimate and bill
        billed.Stdout.ShouldNotContain("no billing event yet", customMessage: "a failed job is not waiting for a bill");
        billed.Output.ShouldNotContain("billed-secret");
        billed.Output.ShouldNotContain("admin-secret");

        var after = await ReportJsonAsync(dir);
        var failed = Videos(after).Where(j => j["model_key"]!.GetValue<string>() == "luma").ShouldHaveSingleItem();
        failed["state"]!.GetValue<string>().ShouldBe("failed");
        failed["billed_usd"].ShouldBeNull("no billing event is not invented into a charge");
        after["models"]!.AsArray().Single(m => m!["model_key"]!.GetValue<string>() == "luma")!["billed_usd"].ShouldBeNull();
        var jobs = Videos(after).Where(j => j["model_key"]!.GetValue<string>() != "luma").ToList();
        jobs.Count.ShouldBe(2);
        foreach (var job in jobs)
        {
            job["billed_source"]!.GetValue<string>().ShouldBe("billing_events");
            job["billed_usd"]!.GetValue<decimal>().ShouldBe(Math.Round(job["cost_usd"]!.GetValue<decimal>() * (100 - Discount) / 100, 6), job.ToJsonString());
        }
        foreach (var model in after["models"]!.AsArray().Select(m => m!.AsObject()).Where(m => m["model_key"]!.GetValue<string>() != "luma"))
        {
            var own = jobs.Where(j => j["model_key"]!.GetValue<string>() == model["model_key"]!.GetValue<string>()).ToList();
            model["billed_usd"]!.GetValue<decimal>().ShouldBe(own.Sum(j => j["billed_usd"]!.GetValue<decimal>()));
            model["billed_jobs"]!.GetValue<int>().ShouldBe(own.Count);
            model["billed_difference_usd"]!.GetValue<decimal>().ShouldBeLessThan(0m);
        }
        after["billed_usd"]!.GetValue<decimal>().ShouldBe(jobs.Sum(j => j["billed_usd"]!.GetValue<decimal>()));
        after["billed_estimate_usd"]!.GetValue<decimal>().ShouldBe(jobs.Sum(j => j["cost_usd"]!.GetValue<decimal>()));

        // Stored: a plain report (no fetch, no key) shows it, and the fal key appears in no file.
        var later = await CliRunner.RunAsync(dir.Path, null, "report");
        later.Stdout.ShouldContain("Billed by fal:");
        later.Stdout.ShouldNotContain("asks fal what it billed");
        foreach (var file in dir.AllFiles().Where(f => !f.Contains("/.cache/"))) (await File.ReadAllTextAsync(file)).ShouldNotContain("secret-", customMessage: file);
    }

    [Fact]
    public async Task Without_billing_events_it_falls_back_to_usage_over_each_runs_window_attributed_per_endpoint()
    {
        await using var fal = await StartFalAsync(billingEvents: false);
        using var dir = new TempDirectory();
        // Two runs on the same endpoint one after the other: each run's window holds only its own request.
        await VideoAsync(dir, Env(fal), "kling", 5);
        await VideoAsync(dir, Env(fal), "kling,veo3", 10);

        var billed = await CliRunner.RunAsync(dir.Path, Env(fal, admin: Admin), "report", "--billed");
        billed.ExitCode.ShouldBe(0, billed.ToString());
        billed.Stdout.ShouldContain("from usage over the run's window, shared per endpoint in proportion to the estimates, for 2 run(s)");
        billed.Stdout.ShouldContain("account discount of 20%");

        var jobs = Videos(await ReportJsonAsync(dir)).ToList();
        jobs.Count.ShouldBe(3);
        foreach (var job in jobs)
        {
            job["billed_source"]!.GetValue<string>().ShouldBe("usage");
            job["billed_usd"]!.GetValue<decimal>().ShouldBe(Math.Round(job["cost_usd"]!.GetValue<decimal>() * (100 - Discount) / 100, 6), job.ToJsonString());
        }
        var kling = jobs.Where(j => j["model_key"]!.GetValue<string>() == "kling").Select(j => j["billed_usd"]!.GetValue<decimal>()).Order().ToList();
        kling[1].ShouldBe(kling[0] * 2, "the 10 s run's kling job is billed its own 10 s, not a share of both runs");
    }

    [Fact]
    public async Task An_emulated_run_billed_nothing_and_says_so_in_one_line_without_needing_a_key()
    {
        using var dir = new TempDirectory();
        await VideoAsync(dir, null, "kling", 5);
        var billed = await CliRunner.RunAsync(dir.Path, null, "report", "--billed", "--json");
        billed.ExitCode.ShouldBe(0, billed.ToString());
        billed.Stderr.ShouldContain("1 emulated run(s) billed nothing");
        var report = JsonNode.Parse(billed.Stdout)!.AsObject();
        report["billed_usd"].ShouldBeNull();
        report["models"]!.AsArray().ShouldAllBe(m => m!["billed_usd"] == null);
        (await CliRunner.RunAsync(dir.Path, null, "report")).Stdout.ShouldNotContain("--billed", customMessage: "an emulated run will never have a bill to fetch");
    }
}
