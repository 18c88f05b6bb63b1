using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary><c>catwalk models sync</c> against a fal (the emulator) whose schemas and prices moved on: one line per change, --apply takes them over.</summary>
public sealed class ModelsSyncTests
{
    private const string Key = "sync-id:sync-secret-8899";

    /// <summary>fal as it is after some changes: Veo 3 takes 10 s too and costs more; Pika dropped a field and is deprecated.</summary>
    private static ModelCatalog Drifted()
    {
        var veo3 = ModelCatalog.BuiltIn.Get("veo3");
        var pika = ModelCatalog.BuiltIn.Get("pika");
        var duration = veo3.Field("duration")!;
        return ModelCatalog.BuiltIn.Merge(new ModelCatalog(
        [
            veo3 with
            {
                Schema = [.. veo3.Schema.Select(f => f == duration ? f with { Enum = [.. duration.Enum!, JsonValue.Create("10s")] } : f)],
                Price = veo3.Price with { Usd = 0.25m },
            },
            pika with { Schema = [.. pika.Schema.Where(f => f.Name != "negative_prompt")] },
        ]));
    }

    [Fact]
    public async Task Drift_is_one_line_per_change_and_apply_writes_fals_schema_and_base_price_with_derived_variants()
    {
        await using var fal = await FalEmulator.StartAsync(new FalEmulatorOptions { RequiredKey = Key, LatencyScale = 0, DeprecatedEndpoints = new HashSet<string> { "fal-ai/pika/v2.2/image-to-video" } }, Drifted());
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["FAL_KEY"] = Key, ["CATWALK_FAL_QUEUE_URL"] = fal.BaseUri.ToString(), ["CATWALK_FAL_API_URL"] = new Uri(fal.BaseUri, "v1").ToString() };

        var report = await CliRunner.RunAsync(dir.Path, env, "models", "sync");
        report.ExitCode.ShouldBe(0, report.ToString());
        report.Stdout.ShouldContain("veo3: field duration values changed: \"4s\", \"6s\", \"8s\" → \"4s\", \"6s\", \"8s\", \"10s\"");
        report.Stdout.ShouldContain("veo3: price changed: $0.2/seconds → $0.25/seconds");
        report.Stdout.ShouldContain("pika: endpoint deprecated at fal");
        report.Stdout.ShouldContain("pika: field negative_prompt gone");
        report.Stdout.ShouldContain("nothing written");
        report.Stdout.ShouldNotContain("kling:");
        File.Exists(dir.File("catwalk.models.json")).ShouldBeFalse();

        var apply = await CliRunner.RunAsync(dir.Path, env, "models", "sync", "--apply");
        apply.ExitCode.ShouldBe(0, apply.ToString());
        apply.Stdout.ShouldContain("Applied: 2 model(s)");
        var written = ModelCatalog.LoadFile(dir.File("catwalk.models.json"));
        var veo3 = written.Get("veo3");
        veo3.Duration!.Allowed.ShouldBe([4, 6, 8, 10]);
        veo3.Price.Usd.ShouldBe(0.25m);
        veo3.Price.UsdWithAudio.ShouldBe(ModelCatalog.BuiltIn.Get("veo3").Price.UsdWithAudio * 0.25m / 0.2m);
        veo3.Price.Verified.ShouldBeTrue();
        veo3.Price.Note!.ShouldContain("derived");
        written.Get("pika").Field("negative_prompt").ShouldBeNull();

        var after = await CliRunner.RunAsync(dir.Path, env, "models", "sync");
        after.Stdout.Trim().Split('\n').ShouldBe(["pika: endpoint deprecated at fal", "1 change(s) in 0 model(s) that --apply can take over; nothing written."]);
        var plan = await CliRunner.RunAsync(dir.Path, env, "run", "--models", "veo3", "--duration", "10", "--emulator", "--latency-scale", "0", "--no-metrics");
        plan.ExitCode.ShouldBe(0, plan.ToString()); // the synced catalog takes 10 s clips (the emulator here serves the same catalog)
        fal.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
        (report.Output + apply.Output).ShouldNotContain("sync-secret");
    }
}
