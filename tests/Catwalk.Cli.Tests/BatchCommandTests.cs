using System.Text.Json;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;

namespace Catwalk.Cli.Tests;

public class BatchCommandTests
{
    private static Dictionary<string, string> Env(FalEmulator emulator) =>
        new() { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };

    [Fact]
    public async Task Plan_prints_the_job_count_and_estimate_and_sends_nothing()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(2, 3, "pika, veo3", "durations: [4, 8]");
        var result = await CliRunner.RunAsync(w.Dir.Path, Env(emulator), "batch", "batch.yaml", "--plan", "--out", "out");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("6 look(s) × 2 model(s) × 2 duration(s)");
        result.Stdout.ShouldContain("= 30 job(s) (6 image, 24 video)");
        result.Stdout.ShouldContain("Estimated cost");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Fact]
    public async Task A_budget_below_the_estimate_is_refused_before_anything_is_sent()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(1, 2, "veo3");
        var result = await CliRunner.RunAsync(w.Dir.Path, Env(emulator), "batch", "batch.yaml", "--budget", "0.50", "--out", "out");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("over the $0.50 budget; nothing was sent");
        result.HasStackTrace.ShouldBeFalse();
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
        emulator.GetStats().Uploads.ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_manifest_names_the_line_and_field()
    {
        using var w = new BatchWorkspace(1, 1, "pika");
        File.WriteAllText(w.Manifest, File.ReadAllText(w.Manifest).Replace("height: 170", "height: tall"));
        var result = await CliRunner.RunAsync(w.Dir.Path, null, "batch", "batch.yaml", "--out", "out");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("batch.yaml line 9, people[0].height: 'tall' is not a number");
        result.HasStackTrace.ShouldBeFalse();
    }

    [Fact]
    public async Task A_batch_runs_every_job_writes_its_report_and_report_reads_the_store()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, ModelCatalog.BuiltIn);
        using var w = new BatchWorkspace(2, 1, "pika, ltx");
        var result = await CliRunner.RunAsync(w.Dir.Path, Env(emulator), "batch", "batch.yaml", "--out", "out", "--report", "report.json");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("6 of 6 job(s) done");

        using var report = JsonDocument.Parse(File.ReadAllText(w.Dir.File("report.json")));
        report.RootElement.GetProperty("jobs").GetInt32().ShouldBe(6);
        report.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_key").GetString()).ShouldBe(["nano-banana-edit", "ltx", "pika"]);
        report.RootElement.GetProperty("job_lines").EnumerateArray().ShouldAllBe(j => j.GetProperty("state").GetString() == "downloaded");

        var table = await CliRunner.RunAsync(w.Dir.Path, null, "report", "--out", "out");
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("p95");
        table.Stdout.ShouldContain("6 of 6 job(s) done");
        var json = await CliRunner.RunAsync(w.Dir.Path, null, "report", "--out", "out", "--json");
        JsonDocument.Parse(json.Stdout).RootElement.GetProperty("succeeded").GetInt32().ShouldBe(6);

        // The same outputs folder imported again adds nothing: its jobs are already in the store.
        var import = await CliRunner.RunAsync(w.Dir.Path, null, "import", "out", "--out", "out");
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Stdout.ShouldContain("Imported 0 of 6");
    }
}
