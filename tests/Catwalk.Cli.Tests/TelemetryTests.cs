using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Emulator;
using Catwalk.Emulator.Faults;
using Catwalk.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Spectre.Console;
using Xunit.Abstractions;

namespace Catwalk.Cli.Tests;

/// <summary>In-process, so the in-memory exporter sees the spans; alone, because the key is set in this process's environment.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryTests))]
public class TelemetryTests(ITestOutputHelper output)
{
    private const string Key = "telemetry-test-key:8c1f0e27d94b4a3f";

    [Fact]
    public async Task One_run_against_the_emulator_is_one_trace_run_jobs_phases_with_their_attributes_and_never_the_key()
    {
        // The emulator wants the key, so every fal call really carries it; one submit fails with 503 once and is retried.
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = 0.02, RequiredKey = Key, Faults = [FaultRule.Parse("submit@ltx=unavailable x1")],
        }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Catwalk").AddHttpClientInstrumentation().AddInMemoryExporter(spans).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter("Catwalk").AddInMemoryExporter(metrics).Build())
        {
            var longPrompt = "The model walks slowly towards the camera on a rainy street at dusk, " + string.Concat(Enumerable.Repeat("with neon reflections on the wet pavement, ", 8));
            longPrompt.Length.ShouldBeGreaterThan(300);
            var exit = await RunInProcessAsync(emulator.BaseUri, ["run", "--models", "ltx,kling", "--duration", "2", "--out", dir.File("outputs"), "--video-prompt", longPrompt]);
            exit.ShouldBe(0);
            tracing.ForceFlush();
            meters.ForceFlush();

            var run = spans.Where(s => s.DisplayName == "run").ShouldHaveSingleItem();
            var tree = new SpanTree([.. spans.Where(s => s.TraceId == run.TraceId)]);
            output.WriteLine(tree.ToString());
            run.TraceId.ToHexString().ShouldBe(run.GetTagItem("catwalk.run.id").ShouldBeOfType<string>(), "the trace id is the run id");
            spans.ShouldNotContain(s => s.SpanId == run.ParentSpanId, "the run's parent stands for the whole run and is never recorded");
            run.GetTagItem("catwalk.emulated").ShouldBe(false); // a key and a configured server: results are taken as real
            var jobs = tree.ChildrenOf(run).Where(s => s.DisplayName == "job").ToList();
            jobs.Select(j => $"{j.GetTagItem("catwalk.stage")}:{j.GetTagItem("catwalk.model.key")}").Order().ShouldBe(["image:nano-banana-edit", "video:kling", "video:ltx"]);
            foreach (var job in jobs)
            {
                job.GetTagItem("catwalk.job.state").ShouldBe("succeeded", tree.ToString());
                job.GetTagItem("catwalk.request_id").ShouldBeOfType<string>().ShouldNotBeEmpty();
                job.GetTagItem("catwalk.endpoint").ShouldBeOfType<string>().ShouldContain("/");
                ((double)job.GetTagItem("catwalk.cost_usd")!).ShouldBeGreaterThan(0);
                job.GetTagItem("catwalk.emulated").ShouldNotBeNull();
                var phases = tree.ChildrenOf(job).Select(s => s.DisplayName).Where(n => !n.StartsWith("POST", StringComparison.Ordinal) && !n.StartsWith("GET", StringComparison.Ordinal) && !n.StartsWith("PUT", StringComparison.Ordinal)).Distinct().ToList();
                var expected = job.GetTagItem("catwalk.stage") is "image"
                    ? new[] { "upload", "submit", "queue_wait", "inference", "download", "verify" }
                    : ["submit", "queue_wait", "inference", "download", "verify", "metrics"];
                phases.ShouldBe(expected, ignoreOrder: true, tree.ToString());
                var byName = tree.ChildrenOf(job).GroupBy(s => s.DisplayName).ToDictionary(g => g.Key, g => g.First());
                byName["submit"].GetTagItem("catwalk.request_id").ShouldBe(job.GetTagItem("catwalk.request_id"));
                byName["queue_wait"].StartTimeUtc.ShouldBeLessThanOrEqualTo(byName["inference"].StartTimeUtc);
                (byName["queue_wait"].StartTimeUtc + byName["queue_wait"].Duration).ShouldBeLessThanOrEqualTo(byName["inference"].StartTimeUtc + TimeSpan.FromMilliseconds(1));
                if (job.GetTagItem("catwalk.stage") is "video")
                {
                    var prompt = job.GetTagItem("catwalk.prompt").ShouldBeOfType<string>();
                    prompt.Length.ShouldBe(256);
                    longPrompt.ShouldStartWith(prompt[..^1]);
                }
            }
            // The HTTP client spans of fal calls sit inside the trace too; none carries the key, nor does anything else.
            tree.Spans.ShouldContain(s => s.Kind == ActivityKind.Client);
            foreach (var span in tree.Spans)
            {
                foreach (var tag in span.TagObjects) (tag.Value?.ToString() ?? "").ShouldNotContain(Key, customMessage: $"{span.DisplayName} {tag.Key}");
                foreach (var e in span.Events)
                    foreach (var tag in e.Tags) (tag.Value?.ToString() ?? "").ShouldNotContain(Key);
                span.DisplayName.ShouldNotContain(Key);
                span.StatusDescription?.ShouldNotContain(Key);
            }

            var byMetric = metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
            Points(byMetric["catwalk.jobs"]).Where(p => p.Tags["catwalk.job.state"] is "succeeded").Sum(p => p.Point.GetSumLong()).ShouldBe(3);
            Points(byMetric["catwalk.cost"]).Sum(p => p.Point.GetSumDouble()).ShouldBeGreaterThan(0);
            var phasesMeasured = Points(byMetric["catwalk.job.duration"]).Select(p => $"{p.Tags["catwalk.model.key"]}/{p.Tags["catwalk.phase"]}").ToHashSet();
            foreach (var phase in new[] { "queue_wait", "inference", "download", "verify", "total" }) phasesMeasured.ShouldContain($"ltx/{phase}");
            phasesMeasured.ShouldContain("ltx/metrics");
            Points(byMetric["catwalk.fal.retries"]).ShouldContain(p => Equals(p.Tags["http.response.status_code"], 503));
        }
    }

    private static IEnumerable<(MetricPoint Point, Dictionary<string, object?> Tags)> Points(Metric metric)
    {
        var list = new List<(MetricPoint, Dictionary<string, object?>)>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            list.Add((point, tags));
        }
        return list;
    }

    /// <summary>The real command line, in this process: FAL_KEY in the environment (restored after), the emulator as the configured server.</summary>
    private static async Task<int> RunInProcessAsync(Uri emulator, string[] args)
    {
        var before = Environment.GetEnvironmentVariable("FAL_KEY");
        Environment.SetEnvironmentVariable("FAL_KEY", Key);
        try
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            var configuration = CliConfiguration.Load(new Dictionary<string, string?>
            {
                ["CATWALK_FAL_QUEUE_URL"] = emulator.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.ToString(),
            });
            return await CatwalkApp.Create(console, configuration).RunAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FAL_KEY", before);
        }
    }
}
