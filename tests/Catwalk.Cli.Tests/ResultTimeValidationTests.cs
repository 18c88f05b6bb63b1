using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// When fal's model refuses an input Catwalk's own catalog allowed (the schema drifted), fal queues the job and the 422
/// comes from the result: the job is failed in the store with the field named, costs nothing, and is not sent again by
/// a plain resume.
/// </summary>
public sealed class ResultTimeValidationTests
{
    [Fact]
    public async Task A_422_at_the_result_fails_the_job_naming_the_field_costs_nothing_and_is_not_resent()
    {
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"));
        File.WriteAllText(dir.File("drift.json"), DriftedVeo3());
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = fal.BaseUri.ToString() };

        var run = await CliRunner.RunAsync(dir.Path, env, "video", "--image", "look.png", "--models", "veo3", "--duration", "10", "--catalog", "drift.json");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Output.ShouldContain("duration");
        run.Output.ShouldContain("duration: Input should be '4s', '6s' or '8s'");
        run.Output.ShouldNotContain("   at ");
        fal.GetStats().Endpoints["fal-ai/veo3/image-to-video"].Submissions.ShouldBe(1);

        var report = await CliRunner.RunAsync(dir.Path, env, "report", "--json");
        report.ExitCode.ShouldBe(0, report.ToString());
        var json = JsonNode.Parse(report.Stdout)!;
        json.ToJsonString().ShouldContain("veo3");
        json["cost_usd"]!.GetValue<decimal>().ShouldBe(0m);

        var resume = await CliRunner.RunAsync(dir.Path, env, "resume", "--catalog", "drift.json");
        resume.Output.ShouldNotContain("   at ");
        fal.GetStats().Endpoints["fal-ai/veo3/image-to-video"].Submissions.ShouldBe(1, "a model's 422 is final: only --retry-failed sends it again");
    }

    [Fact]
    public async Task A_run_asking_for_what_fal_no_longer_accepts_is_refused_before_anything_is_sent_and_other_values_still_run()
    {
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"));
        File.WriteAllText(dir.File("drift.json"), DriftedVeo3());
        // fal's Platform API too: the run can read fal's current schema before it spends anything.
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_API_URL"] = new Uri(fal.BaseUri, "v1").ToString(),
        };

        var refused = await CliRunner.RunAsync(dir.Path, env, "video", "--image", "look.png", "--models", "veo3", "--duration", "10", "--catalog", "drift.json");

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Output.ShouldContain("fal no longer accepts duration 10 s");
        refused.Output.ShouldContain("models sync --apply");
        refused.Output.ShouldNotContain("   at ");
        fal.GetStats().Endpoints.GetValueOrDefault("fal-ai/veo3/image-to-video")?.Submissions.ShouldBe(0);

        var fine = await CliRunner.RunAsync(dir.Path, env, "video", "--image", "look.png", "--models", "veo3", "--duration", "8", "--catalog", "drift.json");
        fine.ExitCode.ShouldBe(0, fine.ToString());
        fine.Output.ShouldContain("this run does not ask for it");
        fal.GetStats().Endpoints["fal-ai/veo3/image-to-video"].Submissions.ShouldBe(1);
    }

    /// <summary>The built-in Veo 3 entry, as if Catwalk's catalog believed Veo 3 also took 10 s clips (fal's does not).</summary>
    private static string DriftedVeo3()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Catwalk.Core", "Catalog", "catalog.json")))!;
        var veo3 = catalog["models"]!.AsArray().First(m => m!["key"]!.GetValue<string>() == "veo3")!.DeepClone();
        veo3["duration"]!["allowed"]!.AsArray().Add(10);
        veo3["schema"]!.AsArray().First(f => f!["name"]!.GetValue<string>() == "duration")!["enum"]!.AsArray().Add("10s");
        return new JsonObject { ["version"] = 1, ["models"] = new JsonArray(veo3) }.ToJsonString();
    }

}
